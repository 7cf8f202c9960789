package tone

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/cdipaolo/sentiment"
	"github.com/framescope/framescope/analysis/token"
)

// The cdipaolo model is a gzipped JSON asset compiled into its package. We read
// its per-class word counts once per process and keep only the log-ratio of each
// word, log((count₁+1)/(count₀+1)): Naive Bayes' decision for a text is the sum
// of these over its known words (both classes share one denominator, and the
// priors are equal), so summing them is the model's own decision, without the
// underflow of its Probability method and through framescope's tokenizer
// instead of its own (which glues words across punctuation). loadNB reads
// them (about 0.2 s); the lexicon keeps them.
func loadNB() (map[string]float64, error) {
	lr, _, err := loadNBFreq(false)
	return lr, err
}

// wordCount is how often the cdipaolo model saw a word: the sum of its two
// class counts.
type wordCount struct {
	w string
	n uint64
}

// loadNBFreq is loadNB that also returns, when withFreq, how often the model
// saw each word, for the lexicon's layout.
func loadNBFreq(withFreq bool) (map[string]float64, []wordCount, error) {
	raw, err := sentiment.Asset("model.json")
	if err != nil {
		return nil, nil, fmt.Errorf("tone: cdipaolo/sentiment model: %w", err)
	}
	var freq *[]wordCount
	if withFreq {
		buf := make([]wordCount, 0, 1<<17)
		freq = &buf
	}
	if lr, ok := nbLogRatiosFast(raw, freq); ok {
		return lr, deref(freq), nil
	}
	if freq != nil {
		*freq = (*freq)[:0]
	}
	lr, err := nbLogRatiosJSON(raw, freq)
	return lr, deref(freq), err
}

func deref(f *[]wordCount) []wordCount {
	if f == nil {
		return nil
	}
	return *f
}

// nbLogRatiosJSON reads the log-ratios of the model with encoding/json, and
// when freq is not nil appends each word's count to it.
func nbLogRatiosJSON(raw []byte, freq *[]wordCount) (map[string]float64, error) {
	var models map[string]struct {
		Words map[string]struct{ Count []uint64 } `json:"words"`
	}
	if err := json.Unmarshal(raw, &models); err != nil {
		return nil, fmt.Errorf("tone: cdipaolo/sentiment model.json: %w", err)
	}
	en, ok := models[string(sentiment.English)]
	if !ok {
		return nil, fmt.Errorf("tone: cdipaolo/sentiment model.json has no %q model", sentiment.English)
	}
	lr := make(map[string]float64, len(en.Words))
	for w, c := range en.Words {
		if len(c.Count) != 2 {
			continue
		}
		lr[w] = math.Log(float64(c.Count[1]+1) / float64(c.Count[0]+1))
		if freq != nil {
			*freq = append(*freq, wordCount{w, c.Count[0] + c.Count[1]})
		}
	}
	return lr, nil
}

// nbLogRatiosFast reads the log-ratios of the model as nbLogRatiosJSON does,
// ten times faster, from the layout the asset has: {"en":{"words":{"<word>":
// {"Count":[<n0>,<n1>],"Seen":<n>}, …}, …}} with words free of escapes. ok is
// false for anything else, which nbLogRatiosJSON then reads. When freq is not
// nil each word's count is appended to it (some may be when ok is false).
func nbLogRatiosFast(raw []byte, freq *[]wordCount) (lr map[string]float64, ok bool) {
	const head = `{"` + string(sentiment.English) + `":{"words":{`
	if !bytes.HasPrefix(raw, []byte(head)) {
		return nil, false
	}
	s := raw[len(head):]
	lr = make(map[string]float64, 1<<17)
	// expect consumes lit at the start of s
	expect := func(lit string) bool {
		if !bytes.HasPrefix(s, []byte(lit)) {
			return false
		}
		s = s[len(lit):]
		return true
	}
	// number consumes a run of 1 to 18 digits
	number := func() (uint64, bool) {
		var n uint64
		i := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			n = n*10 + uint64(s[i]-'0')
			i++
		}
		s = s[i:]
		return n, 0 < i && i <= 18
	}
	for {
		if !expect(`"`) {
			return nil, false
		}
		q := bytes.IndexByte(s, '"')
		if q < 0 || bytes.IndexByte(s[:q], '\\') >= 0 {
			return nil, false
		}
		w := string(s[:q])
		s = s[q+1:]
		if !expect(`:{"Count":[`) {
			return nil, false
		}
		c0, ok0 := number()
		if !ok0 || !expect(",") {
			return nil, false
		}
		c1, ok1 := number()
		if !ok1 || !expect(`],"Seen":`) {
			return nil, false
		}
		if _, ok := number(); !ok || !expect("}") {
			return nil, false
		}
		lr[w] = math.Log(float64(c1+1) / float64(c0+1))
		if freq != nil {
			*freq = append(*freq, wordCount{w, c0 + c1})
		}
		if expect("}") {
			return lr, true
		}
		if !expect(",") {
			return nil, false
		}
	}
}

// nbKey is the form cdipaolo's vocabulary has for a token: lower-case letters
// only (its tokenizer deleted apostrophes, digits and punctuation).
func nbKey(norm string) string {
	if strings.IndexByte(norm, '\'') < 0 {
		return norm
	}
	return strings.ReplaceAll(norm, "'", "")
}

// nbStats returns the sum of the log-ratios of the known words in toks and the
// number of word tokens. The lexicon holds every word of cdipaolo's
// vocabulary with its log-ratio (0 for the words it lacks).
func nbStats(lx *lexicon, toks []token.Token) (sum float64, words int) {
	for i := range toks {
		if toks[i].Kind != token.Word {
			continue
		}
		words++
		sum += lx.lookup(toks[i].Norm).nb
	}
	return sum, words
}

// nbScale scales the length-normalised log-odds into the squashing function.
const nbScale = 0.5

// nbScorer is cdipaolo's Naive Bayes decision, length-normalised: the summed
// log-odds divided by √(words), so that a long paragraph does not saturate,
// squashed by tanh.
type nbScorer struct{}

func (nbScorer) Name() string { return "nb" }

func (nbScorer) Score(_ string, toks []token.Token) float64 {
	sum, n := nbStats(theLexicon(), toks)
	if n == 0 {
		return 0
	}
	return clamp1(math.Tanh(nbScale * sum / math.Sqrt(float64(n))))
}
