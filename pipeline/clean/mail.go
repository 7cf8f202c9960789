package clean

import (
	"strings"
)

// A forwarded e-mail or newsletter, as copied from a mail client: the
// message's subject over its header (sender, date, recipients), the
// forwarder's note, a forward marker ("---------- Forwarded message
// ---------", "-----Original Message-----", "Begin forwarded message:")
// with the forwarded message's own header, then the forwarded article. The
// headers are boilerplate, the subject is the headline, the note above the
// marker is a comment, and the forwarded article is read as a page of its
// own, from its masthead down.

// forwardMarker is the line a mail client puts above a forwarded message
// ("---------- Forwarded message ---------", "----- Forwarded from X -----").
var forwardMarker = rx(`(?i)^(-+ ?(forwarded|original) message ?-+|-{2,} ?forwarded (from|by) \S.{0,60}? ?-{2,}|begin forwarded message:?)$`)

// mailField is a header field of a message ("From: …", "Sent: …",
// "Reply-To: …").
var mailField = rx(`(?i)^(from|sent|date|to|cc|bcc|reply-to|subject):\s*\S`)

// mailSubject is a message's subject with the prefix of a reply or a
// forward ("Fwd: …", "FW: …", "Subject: Re: …").
var mailSubject = rx(`(?i)^(subject:\s*)?(re|fwd?|aw|wg|tr):\s*\S`)

// mailSender is a sender or recipient alone on its line, as a mail client
// shows it over a message: "Name <address>", "<address>" or an address.
var mailSender = rx(`^([^<>@]{1,60}\s)?<[^<>\s@]+@[^<>\s]+>$|^[\w.+-]+@[\w-]+(\.[\w-]+)+$`)

// mailRecipients is the short recipients line under a sender in a web mail
// client ("to me", "to me, seminar-group", "to Sara, me").
var mailRecipients = rx(`^to (me\b|[\w.+-]+@|[\w .,'-]{1,60}, me$).{0,80}$`)

// mailLabels are the folder and label names a web mail client shows beside
// a message's subject.
var mailLabels = wordSet("inbox important starred external updates promotions")

// mailPage reports whether the units are an e-mail message: a forward
// marker, or two header fields. It returns the index of the first forward
// marker, or -1.
func mailPage(units []*unit) (mail bool, marker int) {
	fields := 0
	for i, u := range units {
		s := strings.TrimSpace(u.s)
		if len(s) > 300 || s == "" {
			continue
		}
		// The patterns only on lines that may match them: a marker starts
		// with a dash or "Begin", a field has a colon in its first bytes.
		if (s[0] == '-' || s[0] == 'b' || s[0] == 'B') && forwardMarker.MatchString(s) {
			return true, i
		}
		if strings.IndexByte(s[:min(len(s), 10)], ':') > 0 && mailField.MatchString(s) {
			fields++
		}
	}
	return fields >= 2, -1
}

// classifyMail decides the units of a mail page that are the mail's own
// (subject, headers, the forwarder's note), and starts the forwarded
// article as a page of its own under the forwarded message's header. It
// reports false for a unit it leaves to the other rules.
func (c *classifier) classifyMail(i int) bool {
	u := c.units[i]
	s := strings.TrimSpace(u.s)
	prev := ""
	if i > 0 {
		prev = c.units[i-1].rule
	}
	afterHeader := prev == "mail header" || prev == "mail subject"
	switch {
	case forwardMarker.MatchString(s):
		c.set(i, Boilerplate, "forward marker")
		c.st, c.mailFwd = inPost, true
		return true
	case len(s) <= 200 && mailSubject.MatchString(s) && c.bodySeen == 0 && (c.st == top || c.st == inPost) && !c.mailFwd:
		c.set(i, Headline, "mail subject")
		c.st = inPost
		return true
	case len(s) <= 300 && (mailField.MatchString(s) || mailSender.MatchString(s)):
		c.set(i, Boilerplate, "mail header")
		if !c.mailFwd {
			c.st = inPost
		}
		return true
	case afterHeader && (u.stamp || mailLabels[strings.ToLower(s)] || mailRecipients.MatchString(s)):
		c.set(i, Boilerplate, "mail header")
		return true
	case c.mailFwd && prev == "mail header":
		// The forwarded message's header has ended: its article follows,
		// read as a page of its own.
		c.st, c.mailFwd = top, false
		c.chooseTitleFrom(i)
		c.titleNorm = normLine(c.title)
		return false
	case c.mailMarker > i && !u.title || c.mailMarker > i && c.st == inPost:
		// Above the forward marker: the forwarder's note and signature.
		c.set(i, Comment, "forwarder's note")
		c.st = inPost
		return true
	}
	return false
}
