package tone

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/framescope/framescope/analysis/token"
)

// The news scorer's candidate features, per sentence; a paragraph's features
// are the sum over its k sentences divided by √k (see the package comment).
// The weights file names the ones the scorer uses.
const (
	fComp    = iota // VADER compound of the sentence's rule-adjusted valence
	fPos            // VADER-rule positive valence
	fNeg            // VADER-rule negative valence (absolute)
	fNPos           // number of words with positive valence / √words
	fNNeg           // number of words with negative valence / √words
	fNB             // cdipaolo log-odds Σ/√words
	fNews           // news-domain log-odds Σ/√words (data/newsmtsc-logratio.tsv)
	fQuest          // the sentence is a question
	fWords          // √words: lets a fit remove the per-word bias of the log-odds
	fStemPos        // positive stem valence (inflections VADER lists only in another form) / √words
	fStemNeg        // negative stem valence (absolute) / √words
	fRaw            // rule valence pos − neg before the compound squash / √words
	fPosW           // rule positive valence / √words
	fNegW           // rule negative valence (absolute) / √words
	fVecMean        // mean of the words' vector valence (data/vader-vec.tsv.gz)
	fVecMax         // the largest vector valence among the words
	fVecMin         // the smallest
	nFeat
)

var featNames = [nFeat]string{"comp", "pos", "neg", "npos", "nneg", "nb", "news", "question", "sqrtwords",
	"stempos", "stemneg", "raw", "posw", "negw", "vecmean", "vecmax", "vecmin"}

//go:embed data/newsmtsc-logratio.tsv
var newsLexData []byte

//go:embed data/news-weights.txt
var newsWeightsData []byte

//go:embed data/news1-weights.txt
var news1WeightsData []byte

//go:embed data/newsvec-weights.txt
var newsvecWeightsData []byte

//go:embed data/vader-vec.tsv.gz
var vecLexData []byte

// newsModel is a fitted news scorer: weights over the features, then calib,
// then, when neu is not nil, its neutral stage (neutral.go).
type newsModel struct {
	w   linear
	c   calib
	neu *neutralStage
}

var (
	newsOnce sync.Once
	newsLex  map[string]float64
	newsM    newsModel // "news": data/news-weights.txt
	news1M   newsModel // "news1": data/news1-weights.txt
	newsvecM newsModel // "newsvec": data/newsvec-weights.txt
)

func loadNews() {
	newsOnce.Do(func() {
		var err error
		newsLex, err = parseLogRatios(newsLexData, "data/newsmtsc-logratio.tsv")
		if err == nil {
			newsM, err = parseWeights(newsWeightsData, "data/news-weights.txt")
		}
		if err == nil {
			news1M, err = parseWeights(news1WeightsData, "data/news1-weights.txt")
		}
		if err == nil {
			newsvecM, err = parseWeights(newsvecWeightsData, "data/newsvec-weights.txt")
		}
		if err != nil {
			panic(err) // embedded data: a broken build
		}
	})
}

// parseLogRatios reads "word<TAB>log-ratio" lines; # starts a comment.
func parseLogRatios(data []byte, name string) (map[string]float64, error) {
	m := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		w, v, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want word<TAB>value", name, line)
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		m[w] = x
	}
	return m, sc.Err()
}

// loadVec reads the embedded data/vader-vec.tsv.gz.
func loadVec() (map[string]float32, error) { return parseVec(vecLexData, "data/vader-vec.tsv.gz") }

// parseVec reads data/vader-vec.tsv.gz: gzipped "word<TAB>value" lines, #
// starting a comment (parseVecLines).
func parseVec(data []byte, name string) (map[string]float32, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return parseVecLines(zr, name)
}

// parseVecLines reads "word<TAB>value" lines; # starts a comment. Errors name
// the file and line.
func parseVecLines(r io.Reader, name string) (map[string]float32, error) {
	m := make(map[string]float32, 60000)
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := sc.Bytes()
		if len(s) == 0 || s[0] == '#' {
			continue
		}
		i := bytes.IndexByte(s, '\t')
		if i <= 0 {
			return nil, fmt.Errorf("%s:%d: want word<TAB>value", name, line)
		}
		x, err := strconv.ParseFloat(string(s[i+1:]), 32)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		m[string(s[:i])] = float32(x)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return m, nil
}

// parseWeights reads "name value" lines: bias, featNames, calib_delta and
// calib_tau, and for a neutral stage neutral.bias, neutral.<neuFeatNames>
// and neutral_threshold.
func parseWeights(data []byte, name string) (newsModel, error) {
	m := newsModel{w: linear{w: make([]float64, nFeat)}}
	var neu neutralStage
	hasNeu := false
	c, err := readWeights(data, name, func(key string, v float64) error {
		if nk, ok := strings.CutPrefix(key, "neutral."); ok {
			hasNeu = true
			if nk == "bias" {
				neu.m.bias = v
				return nil
			}
			k := neuFeatIndex(nk)
			if k < 0 {
				return fmt.Errorf("unknown weight %q", key)
			}
			if neu.m.w == nil {
				neu.m.w = make([]float64, nNeuFeat)
			}
			neu.m.w[k] = v
			return nil
		}
		switch key {
		case "bias":
			m.w.bias = v
			return nil
		case "neutral_threshold":
			hasNeu = true
			neu.threshold = v
			return nil
		}
		k := featIndex(key)
		if k < 0 {
			return fmt.Errorf("unknown weight %q", key)
		}
		m.w.w[k] = v
		return nil
	})
	m.c = c
	if hasNeu {
		m.neu = &neu
	}
	return m, err
}

func neuFeatIndex(name string) int {
	for i, n := range neuFeatNames {
		if n == name {
			return i
		}
	}
	return -1
}

// readWeights reads a weights file of "name value" lines (blank lines and #
// comments skipped): it keeps calib_delta and calib_tau and hands every other
// name to set. Errors name the file and line.
func readWeights(data []byte, name string, set func(key string, v float64) error) (calib, error) {
	var c calib
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Fields(s)
		if len(f) != 2 {
			return c, fmt.Errorf("%s:%d: want \"name value\"", name, line)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return c, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		switch f[0] {
		case "calib_delta":
			c.delta = v
		case "calib_tau":
			c.tau = v
		default:
			if err := set(f[0], v); err != nil {
				return c, fmt.Errorf("%s:%d: %v", name, line, err)
			}
		}
	}
	return c, sc.Err()
}

func featIndex(name string) int {
	for i, n := range featNames {
		if n == name {
			return i
		}
	}
	return -1
}

// negWindow is how many words after a negation its scope reaches, as in
// VADER's rules (a word is negated by any of the three words before it).
const negWindow = 3

// negated reports whether the word at wi of a sentence's words lies in the
// scope of a negation: one of the negWindow words before it negates.
func negated(infos []*wordInfo, wi int) bool {
	for k := 1; k <= negWindow && wi-k >= 0; k++ {
		if infos[wi-k].flags&isNegate != 0 {
			return true
		}
	}
	return false
}

// features computes the news scorer's candidate features of toks into f.
func features(lx *lexicon, toks []token.Token, f *[nFeat]float64) {
	*f = [nFeat]float64{}
	var sc scratch
	val := sc.vals(len(toks))
	tinfo := lookupAll(lx, toks, sc.tinfos(len(toks)))
	words, infos := sc.wordsBuf[:0], sc.infosBuf[:0]
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		var sv sentenceValence
		sv, words, infos = ruleValences(toks[i:j], tinfo[i:j], val[i:j], words[:0], infos[:0])
		addFeatures(f, toks[i:j], val[i:j], infos, sv)
		k++
		i = j
	}
	scaleFeatures(f, k)
}

// addFeatures adds to f the features of one sentence: its tokens, their
// valences and the lexicon entries of its words (ruleValences).
func addFeatures(f *[nFeat]float64, toks []token.Token, val []float64, infos []*wordInfo, sv sentenceValence) {
	var sf sentFeat
	sentenceFeatures(&sf, toks, val, infos, sv)
	sf.addTo(f)
}

// sentFeat is what one sentence adds to the news features: d[i] is added to
// f[i], the vector features only when vec and the per-word ones only when
// words (the same sums in the same order as computing them in place, so a
// sentence's can be kept and added again).
type sentFeat struct {
	d          [nFeat]float64
	vec, words bool
}

// sentenceFeatures computes into sf what one sentence adds to the news
// features (addFeatures).
func sentenceFeatures(sf *sentFeat, toks []token.Token, val []float64, infos []*wordInfo, sv sentenceValence) {
	var nbSum, newsSum, npos, nneg, spos, sneg float64
	var vecSum float64
	var vecMax, vecMin float32
	nvec := 0
	for wi, inf := range infos {
		nbSum += inf.nb
		newsSum += inf.news
		if inf.flags&hasVec != 0 {
			vecSum += float64(inf.vec)
			if nvec == 0 {
				vecMax, vecMin = inf.vec, inf.vec
			}
			vecMax, vecMin = max(vecMax, inf.vec), min(vecMin, inf.vec)
			nvec++
		}
		if inf.stem != 0 {
			v := inf.stem
			if negated(infos, wi) {
				v *= negScalar
			}
			if v > 0 {
				spos += v
			} else {
				sneg -= v
			}
		}
	}
	quest := 0.0
	for m, t := range toks {
		if t.Kind == token.Punct && t.Norm == "?" {
			quest = 1
		}
		switch v := val[m]; {
		case v > 0:
			npos++
		case v < 0:
			nneg++
		}
	}
	*sf = sentFeat{}
	d := &sf.d
	d[fComp] = compound(sv.raw())
	d[fPos] = sv.pos
	d[fNeg] = sv.neg
	d[fQuest] = quest
	if nvec > 0 {
		sf.vec = true
		d[fVecMean] = vecSum / float64(nvec)
		d[fVecMax] = float64(vecMax)
		d[fVecMin] = float64(vecMin)
	}
	if sv.words > 0 {
		sf.words = true
		sq := math.Sqrt(float64(sv.words))
		d[fNPos] = npos / sq
		d[fNNeg] = nneg / sq
		d[fNB] = nbSum / sq
		d[fNews] = newsSum / sq
		d[fWords] = sq
		d[fStemPos] = spos / sq
		d[fStemNeg] = sneg / sq
		d[fRaw] = sv.raw() / sq
		d[fPosW] = sv.pos / sq
		d[fNegW] = sv.neg / sq
	}
}

// addTo adds the sentence's features to f.
func (sf *sentFeat) addTo(f *[nFeat]float64) {
	d := &sf.d
	f[fComp] += d[fComp]
	f[fPos] += d[fPos]
	f[fNeg] += d[fNeg]
	f[fQuest] += d[fQuest]
	if sf.vec {
		f[fVecMean] += d[fVecMean]
		f[fVecMax] += d[fVecMax]
		f[fVecMin] += d[fVecMin]
	}
	if sf.words {
		for _, i := range [...]int{fNPos, fNNeg, fNB, fNews, fWords, fStemPos, fStemNeg, fRaw, fPosW, fNegW} {
			f[i] += d[i]
		}
	}
}

// scaleFeatures divides the sum of k sentences' features by √k.
func scaleFeatures(f *[nFeat]float64, k int) {
	if k > 1 {
		s := 1 / math.Sqrt(float64(k))
		for i := range f {
			f[i] *= s
		}
	}
}

// newsScorer combines VADER's rules with the cdipaolo model and news-domain
// word tone by the weights of m: "news" (data/news-weights.txt) and its first
// version "news1" (data/news1-weights.txt, fewer features).
type newsScorer struct {
	name string
	m    *newsModel
}

func (s newsScorer) Name() string { return s.name }

func (s newsScorer) Score(_ string, toks []token.Token) float64 {
	var f [nFeat]float64
	features(theLexicon(), toks, &f)
	return s.fromFeatures(&f)
}

func (s newsScorer) fromFeatures(f *[nFeat]float64) float64 {
	if f[fWords] == 0 { // no words: nothing to read a tone from
		return 0
	}
	r := s.m.w.apply(f[:])
	if s.m.neu != nil {
		return s.m.neu.apply(f, r, s.m.c.apply(r))
	}
	return s.m.c.apply(r)
}

// scorePara is Score from a Para's shared work (paraScorer).
func (s newsScorer) scorePara(p *Para, toks []token.Token, pos []int) float64 {
	var f [nFeat]float64
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		p.sentenceFeatures(toks, pos, i, j).addTo(&f)
		k++
		i = j
	}
	scaleFeatures(&f, k)
	return s.fromFeatures(&f)
}
