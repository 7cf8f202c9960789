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
//   - "news" (Default): tanh of a linear combination of the rules' compound,
//     positive and negative valence (also per √word, and their difference before
//     the squash), counts of positive and negative words, the valence
//     of inflections VADER does not list ("deaths" → "death"), the cdipaolo
//     log-odds, news-domain word tone learnt from NewsMTSC train
//     (data/newsmtsc-logratio.tsv), whether the sentence asks a question, and
//     √words; weights fitted on the NYT dev file (data/news-weights.txt) and
//     honest only through CrossValidateNYT, then a monotone calibration of the
//     neutral band;
//   - "news1": the first version of "news", with fewer features
//     (data/news1-weights.txt), on the same rules.
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
// with its lexicon; some 60 MB allocated in passing), govader's lexicon and
// the embedded data, merged into one table so that scoring costs one lookup
// per word. Scorers are safe for concurrent use and deterministic.
//
// Sharing. A paragraph scored several times — whole, by voice
// (Para.ScoreSentences) and toward each mention (Para.Toward) — is best
// scored through a Para, which looks each word up once and applies VADER's
// rules to each sentence once for all of them, with the same results.
//
// Refitting. Every data file says what it was fitted on and how to refit it:
// go test ./analysis/tone -run 'TestFit' -fit (needs ../shared/eval). The news
// weights are fitted with the news lexicon compiled into the test binary, so
// after a change to that lexicon run the command a second time.
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
// "news", which agrees best with people on NYT editorial sentences where it
// was not fitted (cross-validated by article: r 0.558 against news1's 0.545,
// rules' 0.510 and VADER's 0.495; 3-class F1 0.545, about news1's 0.546, against
// 0.536 and 0.528), and about as well as news1 on NewsMTSC devtest_rw sentences
// (F1 0.555 against 0.561; VADER 0.513) and the seed articles' body sentences.
// Its scores are on the scale of a mean human rating (rating/4), so their
// magnitudes are smaller than VADER's: compare scorers by correlation or by
// class, not by raw size.
const Default = "news"

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
