// Package tone scores the tone of news text in [-1, 1]: 0 is neutral, the sign
// is the direction and the magnitude the strength.
//
// Several scorers sit behind one interface so that they can be compared on the
// same gold data (see EvalNYT, CrossValidateNYT, EvalTargets):
//
//   - "nb": the user's chosen model, github.com/cdipaolo/sentiment (Naive Bayes
//     trained on IMDB reviews), read through framescope's tokenizer as a sum of
//     per-word log-ratios log((count₁+1)/(count₀+1)), length-normalised and
//     squashed to [-1, 1];
//   - "vader": github.com/jonreiter/govader's compound score, the reference;
//   - "rules": VADER's lexicon and rules (negation, intensifiers, "but", capitals,
//     "!") re-implemented on framescope's tokens, per sentence, with the length
//     scaling described below;
//   - "news": the default, a logistic-style combination of the rules' positive and
//     negative valence, the cdipaolo log-ratios and news-domain word log-ratios
//     (fitted on NewsMTSC), with weights fitted on news sentences (data/news-weights.txt).
//
// Length: scorers that work per sentence ("rules", "news") add up per-sentence
// evidence and divide by √k for a paragraph of k sentences, before the final
// squashing. k sentences of the same tone therefore read √k times stronger (and
// saturate), while one angry sentence among ten neutral ones reads at
// 1/√11 ≈ 0.30 of its strength on the pre-squash scale, not like the angry
// sentence alone (VADER's compound sums all the words and saturates).
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

// Default is the name of the scorer the pipeline uses unless told otherwise,
// chosen by cross-validated agreement with people (see the package README table
// in doc comments of EvalNYT and the report).
const Default = "news"

var registry = map[string]func() Scorer{
	"nb":    func() Scorer { return nbScorer{} },
	"vader": func() Scorer { return vaderScorer{} },
	"rules": func() Scorer { return rulesScorer{} },
	"news":  func() Scorer { return newsScorer{} },
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
