package charts

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Alias records a label drawn in place of a name the figure fonts cannot
// draw. The report should print these next to the figures.
type Alias struct {
	Shown  string // what the figure shows, e.g. "Outlet 3 [fa]" or "Gunes"
	Name   string // the name in the data, e.g. "خبرگزاری مهر"
	Reason string // ReasonScript, ReasonLetters or ReasonShortened
}

// Why a label differs from its name.
const (
	ReasonScript    = "script not in the figure fonts, shown as a code"
	ReasonLetters   = "letters outside Windows-1252 shown without diacritics"
	ReasonShortened = "shortened to fit"
)

// labeler maps names from the data to labels every output format can draw.
//
// All four formats draw text with Liberation Serif, and the PDF canvas of
// gonum/plot encodes text as Windows-1252, so a label is drawable when every
// rune is in Windows-1252. Latin letters outside it lose their diacritics
// ("ş" → "s", "ł" → "l"); a name with any other rune (Arabic, Cyrillic, Han…)
// is replaced by a numbered code with a script tag: "Outlet 3 [fa]". gonum/plot
// does no Arabic shaping, so even with a font that had the glyphs, Persian
// and Urdu would come out as disjoint letters in the wrong order: a code is
// the honest choice.
type labeler struct {
	shown map[string]string
	code  map[string]bool // names shown as a code
	alias []Alias
}

// newLabeler numbers the names that need a code in sorted order of all
// names of each kind, so the same outlet gets the same code in every figure.
func newLabeler(kinds map[string][]string) *labeler {
	l := &labeler{shown: map[string]string{}, code: map[string]bool{}}
	ks := make([]string, 0, len(kinds))
	for k := range kinds {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	used := map[string]bool{}
	for _, kind := range ks {
		names := slices.Clone(kinds[kind])
		slices.Sort(names)
		names = slices.Compact(names)
		for i, name := range names {
			if _, done := l.shown[name]; done {
				continue
			}
			s, ok := fold(name)
			if !ok {
				s = fmt.Sprintf("%s %d [%s]", kind, i+1, scriptTag(name))
				l.code[name] = true
			}
			for n := 2; used[s] && s != name; n++ {
				s = fmt.Sprintf("%s (%d)", strings.TrimSuffix(s, fmt.Sprintf(" (%d)", n-1)), n)
			}
			used[s] = true
			l.shown[name] = s
			if s != name {
				why := ReasonLetters
				if l.code[name] {
					why = ReasonScript
				}
				l.alias = append(l.alias, Alias{Shown: s, Name: name, Reason: why})
			}
		}
	}
	slices.SortFunc(l.alias, func(a, b Alias) int { return strings.Compare(a.Shown, b.Shown) })
	return l
}

// label returns the drawable label for name (name itself if unknown to l
// and drawable).
func (l *labeler) label(name string) string {
	if l != nil {
		if s, ok := l.shown[name]; ok {
			return s
		}
	}
	if s, ok := fold(name); ok {
		return s
	}
	return "[" + scriptTag(name) + "]"
}

// isCode reports whether name is shown as a code.
func (l *labeler) isCode(name string) bool {
	if l != nil && l.code[name] {
		return true
	}
	_, ok := fold(name)
	return !ok
}

// drawable reports whether r can be drawn in every output format.
func drawable(r rune) bool {
	if r < 0x80 {
		return unicode.IsPrint(r)
	}
	_, ok := charmap.Windows1252.EncodeRune(r)
	return ok && unicode.IsPrint(r)
}

// fold returns s with runes outside Windows-1252 replaced by their base
// Latin letter, and whether that left only drawable runes.
func fold(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", false
	}
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if drawable(r) {
			b.WriteRune(r)
			continue
		}
		if f, ok := latinFold[r]; ok {
			b.WriteString(f)
			continue
		}
		base := []rune(norm.NFD.String(string(r)))
		if len(base) > 0 && base[0] < 0x80 && unicode.IsLetter(base[0]) {
			b.WriteRune(base[0])
			continue
		}
		return "", false
	}
	return b.String(), true
}

// latinFold covers Latin letters without a canonical decomposition.
var latinFold = map[rune]string{
	'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ı': "i", 'ħ': "h", 'Ħ': "H",
	'ŀ': "l", 'Ŀ': "L", 'ŧ': "t", 'Ŧ': "T", 'ĸ': "k", 'ŉ': "n",
	'‐': "-", '‑': "-", '−': "-", '′': "'", '″': "\"", 'ʼ': "'", 'ʻ': "'",
}

// scriptTag names the writing system of s: a language code where letters
// tell the language ("ur" for Urdu-only letters such as ے ہ ٹ, "fa" for
// Persian letters such as پ گ ی without those, "ja" for kana), else the
// ISO 15924 script code ("Arab", "Cyrl", "Hani"…), else "other".
func scriptTag(s string) string {
	count := map[string]int{}
	for _, r := range s {
		switch {
		case strings.ContainsRune("ٹڈڑںھہۂۃےۓ", r):
			count["ur"] += 100 // letters Urdu uses and Persian does not
		case strings.ContainsRune("پچژگکی", r):
			count["fa"] += 10 // Persian letters (Urdu uses them too)
		case unicode.Is(unicode.Arabic, r):
			count["Arab"]++
		case unicode.Is(unicode.Hebrew, r):
			count["Hebr"]++
		case unicode.Is(unicode.Cyrillic, r):
			count["Cyrl"]++
		case unicode.Is(unicode.Greek, r):
			count["Grek"]++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			count["ja"] += 10
		case unicode.Is(unicode.Han, r):
			count["Hani"]++
		case unicode.Is(unicode.Hangul, r):
			count["Hang"]++
		case unicode.Is(unicode.Devanagari, r):
			count["Deva"]++
		case unicode.Is(unicode.Bengali, r):
			count["Beng"]++
		case unicode.Is(unicode.Thai, r):
			count["Thai"]++
		case unicode.IsLetter(r) && !drawable(r):
			count["other"]++
		}
	}
	best, n := "other", 0
	for _, k := range []string{"ur", "fa", "Arab", "Hebr", "Cyrl", "Grek", "ja", "Hani", "Hang", "Deva", "Beng", "Thai", "other"} {
		if count[k] > n {
			best, n = k, count[k]
		}
	}
	return best
}
