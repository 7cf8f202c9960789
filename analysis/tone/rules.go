package tone

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/framescope/framescope/analysis/token"
)

// VADER's constants (Hutto & Gilbert 2014), as in vaderSentiment and govader.
const (
	capIncr        = 0.733 // an ALL-CAPS sentiment word among mixed-case words
	negScalar      = -0.74 // a negated word's valence is multiplied by this
	butBefore      = 0.5   // words before "but" count half...
	butAfter       = 1.5   // ...and words after it half again
	exclaimIncr    = 0.292 // per "!", at most 4
	exclaimMax     = 4
	questionIncr   = 0.18 // per "?" when there are 2 or 3
	questionMax    = 0.96 // more than 3 "?"
	compoundAlpha  = 15.0 // compound = x / √(x² + α)
	neverSoScale   = 1.25
	boosterDecay1  = 0.95
	boosterDecay2  = 0.9
	boosterCapIncr = capIncr

	shiftReach  = 4    // a shifter reaches this many words ahead, within its clause
	shiftScalar = -0.5 // and turns a negative word's valence by this
)

//go:embed data/vader-rules.txt
var rulesData []byte

// vaderRules holds the lexicon and rule words, built once per process.
type vaderRules struct {
	lex     map[string]float64
	negate  map[string]bool
	booster map[string]float64
	shift   map[string]bool
}

var (
	rulesOnce sync.Once
	rulesVal  *vaderRules
)

// theRules returns the process's VADER rules: govader's lexicon (MIT) and the
// rule words of data/vader-rules.txt.
func theRules() *vaderRules {
	rulesOnce.Do(func() {
		r, err := parseRules(rulesData, "data/vader-rules.txt")
		if err != nil {
			panic(err) // embedded data: a broken build
		}
		r.lex = analyzer().Lexicon
		rulesVal = r
	})
	return rulesVal
}

// parseRules reads the "<section> <word> [<value>]" lines of a rules file.
func parseRules(data []byte, name string) (*vaderRules, error) {
	r := &vaderRules{negate: map[string]bool{}, booster: map[string]float64{}, shift: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Fields(s)
		switch {
		case f[0] == "negate" && len(f) == 2:
			r.negate[f[1]] = true
		case f[0] == "shift" && len(f) == 2:
			r.shift[f[1]] = true
		case f[0] == "booster" && len(f) == 3:
			v, err := strconv.ParseFloat(f[2], 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			r.booster[f[1]] = v
		default:
			return nil, fmt.Errorf("%s:%d: want \"negate <word>\", \"shift <word>\" or \"booster <word> <value>\", got %q", name, line, s)
		}
	}
	return r, sc.Err()
}

// Sentences returns the spans of the sentences of toks (tokens of text), the
// same units the sentence-based scorers add up: a sentence ends after ".",
// "!" or "?" and any closing quotes or brackets. Use it to find the sentence
// of a mention for Toward. Every token lies in exactly one span.
func Sentences(toks []token.Token) []token.Span {
	var out []token.Span
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		out = append(out, token.Span{Start: toks[i].Start, End: toks[j-1].End})
		i = j
	}
	return out
}

// sentenceEnd returns the end (exclusive) of the sentence of toks that starts
// at i < len(toks): a sentence ends after ".", "!" or "?" and any closing
// quotes or brackets written right after it, or at the end of toks. Walking i = j from 0
// visits every token once and yields no empty sentence.
func sentenceEnd(toks []token.Token, i int) int {
	for k := i; k < len(toks); k++ {
		if toks[k].Kind != token.Punct {
			continue
		}
		switch toks[k].Norm {
		case ".", "!", "?":
		default:
			continue
		}
		// closing marks written right after the terminator belong to it; a
		// quote after a space opens the next sentence
		j := k + 1
		for j < len(toks) && toks[j].Kind == token.Punct && toks[j].Start == toks[j-1].End {
			switch toks[j].Norm {
			case ".", "!", "?", `"`, "'", ")", "]":
				j++
				continue
			}
			break
		}
		return j
	}
	return len(toks)
}

// sentenceValence holds one sentence's valence after VADER's rules.
type sentenceValence struct {
	pos, neg float64 // summed positive and (absolute) negative valence, emphasis included
	words    int     // word tokens
}

// raw is the sentence's signed valence, VADER's pre-compound sum.
func (s sentenceValence) raw() float64 { return s.pos - s.neg }

// compound squashes x like VADER's compound score.
func compound(x float64) float64 { return x / math.Sqrt(x*x+compoundAlpha) }

// valences applies VADER's rules to the tokens of one sentence and writes each
// token's valence into val (len(val) == len(toks); 0 for tokens without one).
// It returns the sentence's totals, punctuation emphasis included, and the
// positions of its words in toks with their lexicon entries, appended to words
// and infos (scratch space the caller passes empty).
func valences(lx *lexicon, toks []token.Token, val []float64, words []int, infos []*wordInfo) (sentenceValence, []int, []*wordInfo) {
	var buf [256]*wordInfo
	tinfo := buf[:0]
	if len(toks) > len(buf) {
		tinfo = make([]*wordInfo, 0, len(toks))
	}
	return ruleValences(toks, lookupAll(lx, toks, tinfo), val, words, infos)
}

// lookupAll appends the lexicon entry of each token of toks to dst: nil for
// tokens that are not words.
//
// It is lx.lookup of each word, in two passes over each run of lookBatch
// tokens: the first finds the frequent words and reads the first slot of
// each other word in the large table, the second finishes those. The reads
// of the first pass do not depend on each other, so the processor has
// several cache misses in flight at once instead of one after another.
func lookupAll(lx *lexicon, toks []token.Token, dst []*wordInfo) []*wordInfo {
	type pending struct {
		k0  uint64
		k1  uint32
		n   int32
		at  int32 // its index in the run
		idx uint64
	}
	var (
		ps    [lookBatch]pending
		first [lookBatch]uint8 // the length byte of each pending word's first slot
	)
	mask := uint64(len(lx.slots) - 1)
	hot, hmask := lx.hot, uint64(len(lx.hot)-1)
	for c := 0; c < len(toks); c += lookBatch {
		run := toks[c:min(c+lookBatch, len(toks))]
		base := len(dst)
		np := 0
		for i := range run {
			var inf *wordInfo
			if run[i].Kind == token.Word {
				w := run[i].Norm
				if w == "" || len(w) > maxKey {
					inf = lx.lookup(w)
				} else {
					k0, k1 := packKey(w)
					h := keyHash(k0, k1, len(w))
					// lx.findHot, without a call
					for x := h & hmask; len(hot) > 0; x = (x + 1) & hmask {
						s := &hot[x]
						if s.n == 0 {
							break
						}
						if s.k0 == k0 && s.k1 == k1 && int(s.n) == len(w) {
							inf = &lx.infos[s.entry()]
							break
						}
					}
					if inf == nil {
						ps[np] = pending{k0: k0, k1: k1, n: int32(len(w)), at: int32(i), idx: h & mask}
						first[np] = lx.slots[h&mask].n
						np++
					}
				}
			}
			dst = append(dst, inf)
		}
		for k := range np {
			p := &ps[k]
			var inf *wordInfo
			if first[k] != 0 {
				inf = lx.findMain(p.k0, p.k1, int(p.n), p.idx)
			}
			if inf == nil {
				inf = lx.unlisted(run[p.at].Norm)
			}
			dst[base+int(p.at)] = inf
		}
	}
	return dst
}

// lookBatch is the number of tokens lookupAll looks up in one go.
const lookBatch = 32

// ruleValences is valences with the tokens' lexicon entries already looked up:
// tinfo[i] is the entry of toks[i] (lookupAll).
func ruleValences(toks []token.Token, tinfo []*wordInfo, val []float64, words []int, infos []*wordInfo) (sentenceValence, []int, []*wordInfo) {
	var sv sentenceValence
	caps := 0
	for i := range toks {
		val[i] = 0
		if toks[i].Kind == token.Word {
			words = append(words, i)
			infos = append(infos, tinfo[i])
			if toks[i].Caps {
				caps++
			}
		}
	}
	sv.words = len(words)
	capDiff := caps > 0 && caps < len(words)
	norm := func(wi int) string {
		if wi < 0 || wi >= len(words) {
			return ""
		}
		return toks[words[wi]].Norm
	}
	// Every word's entry is first read here, in a loop with no branch on
	// what it reads: the entries' cache misses then overlap, where the loops
	// below, which branch on each entry, would wait for them one by one (the
	// entries of a corpus's words are megabytes). What it reads skips the
	// loops that no word of the sentence has the flags for.
	var seen uint8
	for _, inf := range infos {
		seen |= inf.flags
	}
	lexWords, shiftWords := words, words
	if seen&inLex == 0 {
		lexWords = nil
	}
	if seen&isShift == 0 {
		shiftWords = nil
	}
	running := len(lexWords) > 0 && runningText(toks, words)
	for wi, ti := range lexWords {
		inf := infos[wi]
		if inf.flags&isBooster != 0 || inf.flags&inLex == 0 {
			continue
		}
		w := toks[ti].Norm
		if running && inName(toks, words, wi) {
			continue // framescope's addition: "United Nations", "Grand Central"
		}
		if (w == "kind" || w == "sort") && norm(wi+1) == "of" {
			continue
		}
		base := inf.val
		v := base
		if w == "no" && wi+1 < len(words) && infos[wi+1].flags&inLex != 0 {
			v = 0
		}
		if norm(wi-1) == "no" || norm(wi-2) == "no" ||
			norm(wi-3) == "no" && (norm(wi-1) == "or" || norm(wi-1) == "nor") {
			v = base * negScalar
		}
		if toks[ti].Caps && capDiff {
			if v > 0 {
				v += capIncr
			} else {
				v -= capIncr
			}
		}
		for k := 0; k < 3 && wi-k-1 >= 0; k++ {
			pi := infos[wi-k-1]
			if pi.flags&inLex != 0 {
				continue
			}
			if pi.flags&isBooster != 0 {
				s := pi.booster
				if v < 0 {
					s = -s
				}
				if toks[words[wi-k-1]].Caps && capDiff {
					if v > 0 {
						s += boosterCapIncr
					} else {
						s -= boosterCapIncr
					}
				}
				switch k {
				case 1:
					s *= boosterDecay1
				case 2:
					s *= boosterDecay2
				}
				v += s
			}
			switch {
			case k > 0 && norm(wi-k-1) == "never" && (norm(wi-1) == "so" || norm(wi-1) == "this" || k == 2 && (norm(wi-2) == "so" || norm(wi-2) == "this")):
				v *= neverSoScale
			case k > 0 && norm(wi-k-1) == "without" && (norm(wi-1) == "doubt" || k == 2 && norm(wi-2) == "doubt"):
			case pi.flags&isNegate != 0:
				v *= negScalar
			}
		}
		// "least" negates unless "at least" / "very least".
		if norm(wi-1) == "least" {
			if pp := norm(wi - 2); pp != "at" && pp != "very" {
				v *= negScalar
			}
		}
		val[ti] = v
	}
	// Shifters: a negative word shortly after a reducer, in its clause, reads weakly positive,
	// and the reducer's own negative valence is dropped.
	for wi, ti := range shiftWords {
		if infos[wi].flags&isShift == 0 {
			continue
		}
		shifted := false
		for k := wi + 1; k < len(words) && k <= wi+shiftReach; k++ {
			if clauseMarkBetween(toks, words[k-1], words[k]) {
				break // the shifter's reach ends with its clause
			}
			if tk := words[k]; val[tk] < 0 {
				val[tk] *= shiftScalar
				shifted = true
			}
		}
		if shifted && val[ti] < 0 {
			val[ti] = 0
		}
	}
	// "but": the words before the first "but" count half, those after 1.5 times.
	for wi, ti := range words {
		if toks[ti].Norm != "but" {
			continue
		}
		for _, tj := range words[:wi] {
			val[tj] *= butBefore
		}
		for _, tj := range words[wi+1:] {
			val[tj] *= butAfter
		}
		break
	}
	ex, qm := 0, 0
	for i := range toks {
		switch {
		case val[i] > 0:
			sv.pos += val[i]
		case val[i] < 0:
			sv.neg -= val[i]
		}
		if toks[i].Kind == token.Punct {
			switch toks[i].Norm {
			case "!":
				ex++
			case "?":
				qm++
			}
		}
	}
	emph := float64(min(ex, exclaimMax)) * exclaimIncr
	switch {
	case qm > 3:
		emph += questionMax
	case qm > 1:
		emph += float64(qm) * questionIncr
	}
	switch raw := sv.pos - sv.neg; {
	case raw > 0:
		sv.pos += emph
	case raw < 0:
		sv.neg += emph
	}
	return sv, words, infos
}

// scratch is per-call working space for valences, on the caller's stack for
// paragraphs of ordinary length.
type scratch struct {
	valBuf   [256]float64
	tinfoBuf [256]*wordInfo
	wordsBuf [96]int
	infosBuf [96]*wordInfo
}

// tinfos returns an empty slice with room for n entries, from s when it fits.
func (s *scratch) tinfos(n int) []*wordInfo {
	if n <= len(s.tinfoBuf) {
		return s.tinfoBuf[:0]
	}
	return make([]*wordInfo, 0, n)
}

// vals returns a zeroed []float64 of n values, from s when it fits.
func (s *scratch) vals(n int) []float64 {
	if n <= len(s.valBuf) {
		return s.valBuf[:n]
	}
	return make([]float64, n)
}

// rulesScorer is VADER's lexicon and rules on framescope's tokens, sentence by
// sentence, with the √k length scaling of the package comment: the k sentence
// sums are added, divided by √k and squashed like VADER's compound.
type rulesScorer struct{}

func (rulesScorer) Name() string { return "rules" }

func (rulesScorer) Score(_ string, toks []token.Token) float64 {
	var sc scratch
	val := sc.vals(len(toks))
	tinfo := lookupAll(theLexicon(), toks, sc.tinfos(len(toks)))
	words, infos := sc.wordsBuf[:0], sc.infosBuf[:0]
	sum, k := 0.0, 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		var sv sentenceValence
		sv, words, infos = ruleValences(toks[i:j], tinfo[i:j], val[i:j], words[:0], infos[:0])
		sum += sv.raw()
		k++
		i = j
	}
	return rulesFromSum(sum, k)
}

func rulesFromSum(sum float64, k int) float64 {
	if k == 0 {
		return 0
	}
	return clamp1(compound(sum / math.Sqrt(float64(k))))
}

// scorePara is Score from a Para's shared work (paraScorer).
func (rulesScorer) scorePara(p *Para, toks []token.Token, pos []int) float64 {
	sum, k := 0.0, 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		sum += p.valences(toks, pos, i, j).sv.raw()
		k++
		i = j
	}
	return rulesFromSum(sum, k)
}

// clauseMarkBetween reports whether a comma, semicolon, colon, bracket, double
// quote or dash lies between tokens a < b (a hyphen does not: "anti-war").
func clauseMarkBetween(toks []token.Token, a, b int) bool {
	for _, t := range toks[a+1 : b] {
		if t.Kind == token.Punct {
			switch t.Norm {
			case ",", ";", ":", "(", ")", `"`, "—", "–":
				return true
			}
		}
	}
	return false
}

// runningText reports whether a sentence is written in ordinary case: at most
// half of its words after the first are capitalised (not a headline in
// Title Case, where capitals say nothing about names).
func runningText(toks []token.Token, words []int) bool {
	if len(words) < 3 {
		return false
	}
	title := 0
	for _, ti := range words[1:] {
		if toks[ti].Title {
			title++
		}
	}
	return 2*title <= len(words)-1
}

// inName reports whether word wi of a sentence in running text is part of a
// multi-word name, whose words carry no tone of their own ("United Nations",
// "Grand Central Station", "Pakistan Peoples Party", "Justice Brennan"): it is
// capitalised but not ALL-CAPS (emphasis, which VADER's rules read), next to
// another such word. The sentence's first word is capitalised anyway: it is
// part of a name when the word after it is, and is no evidence for that word.
func inName(toks []token.Token, words []int, wi int) bool {
	name := func(k int) bool {
		t := toks[words[k]]
		return t.Title && !t.Caps
	}
	if !name(wi) {
		return false
	}
	next := wi+1 < len(words) && name(wi+1)
	if wi == 0 {
		return next
	}
	return next || wi > 1 && name(wi-1)
}
