package voice

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
)

//go:embed cues.txt
var cuesFile string

// The word lists of cues.txt.
var (
	speechVerbs map[string]bool // [speech]
	baseForms   map[string]bool // [plain]
	needsThat   map[string]bool // [needs-that]
	participles map[string]bool // [participles]
	notSources  map[string]bool // [not-sources]
	determiners map[string]bool // [determiners]
	skipWords   map[string]bool // [skip]
)

// cueSections are the lists cues.txt must define.
var cueSections = []string{"speech", "plain", "needs-that", "participles", "not-sources", "determiners", "skip"}

func init() {
	lists, err := parseCues(strings.NewReader(cuesFile), "cues.txt")
	if err != nil {
		panic(err) // the embedded file is part of the program
	}
	speechVerbs, baseForms, needsThat = lists["speech"], lists["plain"], lists["needs-that"]
	participles, notSources = lists["participles"], lists["not-sources"]
	determiners, skipWords = lists["determiners"], lists["skip"]
	setCues(cueWordList())
}

// parseCues reads word lists: "[name]" starts a list, words are separated by
// white space, "#" starts a comment. Errors name the file and line. Every
// list of cueSections must be present and no other.
func parseCues(r io.Reader, name string) (map[string]map[string]bool, error) {
	lists := map[string]map[string]bool{}
	known := map[string]bool{}
	for _, s := range cueSections {
		known[s] = true
	}
	cur := ""
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text, _, _ := strings.Cut(sc.Text(), "#")
		text = strings.TrimSpace(text)
		switch {
		case text == "":
		case strings.HasPrefix(text, "["):
			if !strings.HasSuffix(text, "]") {
				return nil, fmt.Errorf("%s:%d: unclosed list name %q", name, line, text)
			}
			cur = text[1 : len(text)-1]
			if !known[cur] {
				return nil, fmt.Errorf("%s:%d: unknown list [%s]", name, line, cur)
			}
			if lists[cur] != nil {
				return nil, fmt.Errorf("%s:%d: list [%s] given twice", name, line, cur)
			}
			lists[cur] = map[string]bool{}
		case cur == "":
			return nil, fmt.Errorf("%s:%d: words before any [list]", name, line)
		default:
			for _, w := range strings.Fields(text) {
				if w != strings.ToLower(w) {
					return nil, fmt.Errorf("%s:%d: %q is not lower case", name, line, w)
				}
				lists[cur][w] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var missing []string
	for _, s := range cueSections {
		if lists[s] == nil {
			missing = append(missing, "["+s+"]")
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("%s: missing %s", name, strings.Join(missing, ", "))
	}
	return lists, nil
}

// cueWordList lists every word that attribute can take as a cue: a sentence
// that holds none of them is the outlet's own, whatever its tokens.
func cueWordList() []string {
	var ws []string
	for _, m := range []map[string]bool{speechVerbs, needsThat, participles} {
		for w := range m {
			ws = append(ws, w)
		}
	}
	ws = append(ws, "according", "reportedly", "allegedly", "call", "calls", "called", "calling",
		"pointed", "points", "point", "pointing", "lashed", "quoted", "quoting",
		"expressed", "expresses", "voiced", "voices", "conveyed",
		"statement", "remarks", "interview", "speech", "press")
	sort.Strings(ws)
	return ws
}

// cueSet holds the words of cueWordList; cueMin and cueMax are their
// shortest and longest lengths.
var (
	cueSet         map[string]bool
	cueMin, cueMax int
	// cueShape[len][first letter] has bit (last letter) set for each cue
	// word: a word of another shape is not looked up.
	cueShape [33][26]uint32
	// cueByShape[len][first letter] lists the cue words of that length and
	// first letter: one or two words to compare, where cueSet would hash.
	cueByShape [33][26][]string
)

func setCues(ws []string) {
	cueSet = map[string]bool{}
	cueMin, cueMax = 0, 0
	cueShape = [33][26]uint32{}
	cueByShape = [33][26][]string{}
	for _, w := range ws {
		for k := 0; k < len(w); k++ {
			if w[k] < 'a' || w[k] > 'z' || len(w) >= len(cueShape) {
				cueMin = -1 // a word mayHaveCue cannot look up: every sentence passes
			}
		}
		cueSet[w] = true
		if n := len(w); n > 0 && n < len(cueShape) && w[0] >= 'a' && w[0] <= 'z' && w[n-1] >= 'a' && w[n-1] <= 'z' {
			cueShape[n][w[0]-'a'] |= 1 << (w[n-1] - 'a')
			if !slices.Contains(cueByShape[n][w[0]-'a'], w) {
				cueByShape[n][w[0]-'a'] = append(cueByShape[n][w[0]-'a'], w)
			}
		}
		if cueMin == 0 || cueMin > 0 && len(w) < cueMin {
			cueMin = len(w)
		}
		cueMax = max(cueMax, len(w))
	}
}

// mayHaveCue reports whether a sentence can hold a cue word as one of its
// tokens' Norm (token.Tokenize); false means it cannot, so that tokenizing it
// would find none. A cue word is ASCII letters, so a token with it as Norm is
// either a run of ASCII letters between bytes that are not (a word token
// stops only at a rune that is not a letter, digit or mark), or an acronym
// ("S.A.I.D." gives "said"), or holds a rune that lower-cases to an ASCII
// letter (the Kelvin sign, dotted capital I): the first two are looked up,
// the third always passes.
func mayHaveCue(s string) bool {
	if cueMin <= 0 {
		return true
	}
	var buf [32]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '\u212a' || r == '\u0130' {
				return true
			}
			i += size
			continue
		}
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if n := j - i; n >= cueMin && n <= cueMax && n < len(cueShape) &&
			cueShape[n][s[i]|0x20-'a']&(1<<(s[j-1]|0x20-'a')) != 0 {
			for k := 0; k < n; k++ {
				buf[k] = s[i+k] | 0x20
			}
			if cueSet[string(buf[:n])] {
				return true
			}
		}
		if j == i+1 && j < len(s) && s[j] == '.' {
			// Letters joined by dots: any run of them may be an acronym.
			n := 0
			for j = i; j+1 < len(s) && isASCIILetter(s[j]) && s[j+1] == '.' && n < len(buf); j += 2 {
				buf[n] = s[j] | 0x20
				n++
			}
			if n == len(buf) {
				return true
			}
			for a := 0; a < n; a++ {
				for b := a + cueMin; b <= n && b-a <= cueMax; b++ {
					if cueSet[string(buf[a:b])] {
						return true
					}
				}
			}
			if j == i {
				j = i + 1
			}
		}
		i = j
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// tokensHaveCue reports whether a cue word is the Norm of one of toks: when
// none is, attribute finds no cue in them.
func tokensHaveCue(toks []token.Token) bool { return cueMin <= 0 || firstCue(toks) >= 0 }

// firstCue returns the index of the first of toks whose Norm may be a cue
// word (isCueWord), or -1 when none is: attribute finds no cue before it.
func firstCue(toks []token.Token) int {
	if cueMin <= 0 {
		if len(toks) == 0 {
			return -1
		}
		return 0
	}
	for i := range toks {
		// cueShaped, inlined, rejects most words without a call
		if toks[i].Kind == token.Word && cueShaped(toks[i].Norm) && isCueWord(toks[i].Norm) {
			return i
		}
	}
	return -1
}

// cueShaped reports whether w has the length, first and last letter of a
// cue word: isCueWord's first test, small enough to be inlined into the
// loops over a sentence's tokens. When cueMin ≤ 0 (every word passes
// isCueWord) it reports true.
func cueShaped(w string) bool {
	n := len(w)
	if cueMin <= 0 {
		return true
	}
	if n < cueMin || n > cueMax || n >= len(cueShape) {
		return false
	}
	a, z := w[0]-'a', w[n-1]-'a'
	return a < 26 && z < 26 && cueShape[n][a]&(1<<z) != 0
}

// isCueWord reports whether w may be a word of cueWordList: false means it
// is not. Every word passes when the cues hold a word the shape table cannot
// look up.
func isCueWord(w string) bool {
	if cueMin <= 0 {
		return true
	}
	n := len(w)
	if n < cueMin || n > cueMax || n >= len(cueShape) {
		return false
	}
	a, z := w[0]-'a', w[n-1]-'a' // cue words are a-z when cueMin > 0
	return a < 26 && z < 26 && cueShape[n][a]&(1<<z) != 0 && cueListed(w, cueByShape[n][a])
}

// cueListed reports whether w is one of the cue words cues, which have its
// length, first and last letter: their second bytes are compared first, as
// most words of a cue's shape are not cues ("sand", "shed" for "said").
func cueListed(w string, cues []string) bool {
	for _, c := range cues {
		if (len(w) < 2 || c[1] == w[1]) && c == w {
			return true
		}
	}
	return false
}
