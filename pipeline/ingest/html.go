package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	htmlNote     = "HTML stripped to text"
	entitiesNote = "HTML entities decoded"
)

// entityPattern finds what looks like an HTML character reference in text
// that is not HTML ("&amp;", "&#8217;", "&rsquo;"), as text scraped from web
// pages and exported from content systems often has.
var entityPattern = regexp.MustCompile(`&(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,9});`)

// unescapeEntities decodes the HTML character references of a text that is
// not HTML, and reports whether there were any. Only complete references
// ending in ';' are decoded, so "AT&T" and "R&D;" stay as they are.
func unescapeEntities(s string) (string, bool) {
	if strings.IndexByte(s, '&') < 0 {
		return s, false
	}
	changed := false
	out := entityPattern.ReplaceAllStringFunc(s, func(m string) string {
		u := html.UnescapeString(m)
		// A name that only starts with an entity ("&notit;" → "¬it;") is
		// not one.
		if u == m || m[1] != '#' && strings.HasSuffix(u, ";") {
			return m
		}
		changed = true
		return u
	})
	return out, changed
}

// htmlMarkers are tags that text does not contain unless it is markup.
var htmlMarkers = []string{
	"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "</p>", "<br", "<div", "</div>",
	"<span", "</a>", "<a href", "<meta ", "<script", "<h1", "<h2", "<li>", "<table",
}

// looksHTML reports whether s is an HTML page or fragment rather than text: it
// starts with a tag and the first 64 KiB has a marker tag, or those 64 KiB have
// three marker tags wherever they start.
func looksHTML(s string) bool {
	head := s
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	head = strings.ToLower(head)
	n := 0
	for _, m := range htmlMarkers {
		n += strings.Count(head, m)
	}
	trimmed := strings.TrimLeft(head, " \t\r\n\ufeff")
	return n >= 3 || n >= 1 && strings.HasPrefix(trimmed, "<")
}

// htmlSkip are elements whose content is not text for a reader.
var htmlSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Svg: true,
	atom.Math: true,
}

// htmlBlock are elements that start a new paragraph.
var htmlBlock = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true, atom.Nav: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Pre: true, atom.Title: true,
	atom.Figure: true, atom.Figcaption: true, atom.Form: true, atom.Address: true, atom.Hr: true,
	atom.Body: true, atom.Html: true, atom.Head: true, atom.Fieldset: true, atom.Details: true,
}

// htmlLine are elements that start a new line.
var htmlLine = map[atom.Atom]bool{
	atom.Br: true, atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true, atom.Option: true,
}

// htmlToText renders an HTML page as plain text the way the rest of framescope
// expects an article: the title on a line of its own, one paragraph per block
// element separated by a blank line, <br> and list items as line breaks,
// whitespace collapsed as a browser does (except in <pre>), entities decoded,
// and scripts, styles, comments and other non-text elements dropped. A
// non-breaking space becomes an ordinary space.
func htmlToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	w := htmlWriter{}
	skip := 0 // depth inside htmlSkip elements
	pre := 0  // depth inside <pre>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken: // io.EOF: the tokenizer reads from a string
			return w.String()
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()), pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if htmlSkip[a] {
				switch {
				case tt == html.StartTagToken:
					skip++
				case tt == html.EndTagToken && skip > 0:
					skip--
				}
				continue
			}
			if a == atom.Pre {
				switch {
				case tt == html.StartTagToken:
					pre++
				case tt == html.EndTagToken && pre > 0:
					pre--
				}
			}
			switch {
			case htmlBlock[a]:
				w.brk(2)
			case htmlLine[a]:
				if a == atom.Br || tt != html.EndTagToken {
					w.brk(1)
				}
			case a == atom.Td || a == atom.Th:
				w.space()
			}
		}
	}
}

// htmlWriter builds text from HTML text nodes, collapsing whitespace and
// holding line breaks back until there is text after them.
type htmlWriter struct {
	b       strings.Builder
	nl      int  // pending line breaks
	sp      bool // pending space
	started bool
}

func (w *htmlWriter) brk(n int) {
	if w.started && n > w.nl {
		w.nl = n
	}
	w.sp = false
}

func (w *htmlWriter) space() {
	if w.started && w.nl == 0 {
		w.sp = true
	}
}

func (w *htmlWriter) flush() {
	switch {
	case w.nl > 0:
		w.b.WriteString("\n\n"[:w.nl])
	case w.sp:
		w.b.WriteByte(' ')
	}
	w.nl, w.sp, w.started = 0, false, true
}

func (w *htmlWriter) text(t string, pre bool) {
	t = strings.ReplaceAll(t, "\u00a0", " ")
	if pre {
		if t != "" {
			w.flush()
			w.b.WriteString(t)
		}
		return
	}
	for i, f := range strings.Fields(t) {
		if i == 0 && isHTMLSpace(t[0]) || i > 0 {
			w.space()
		}
		w.flush()
		w.b.WriteString(f)
	}
	if t != "" && isHTMLSpace(t[len(t)-1]) {
		w.space()
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func (w *htmlWriter) String() string {
	s := w.b.String()
	if s != "" {
		s += "\n"
	}
	return s
}
