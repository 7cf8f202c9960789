package tone

import (
	"sync"

	"github.com/framescope/framescope/analysis/token"
	"github.com/jonreiter/govader"
)

var (
	vaderOnce sync.Once
	vaderSIA  *govader.SentimentIntensityAnalyzer
)

// analyzer returns the process's one govader analyzer (built on first use,
// 5–12 ms; read-only afterwards).
func analyzer() *govader.SentimentIntensityAnalyzer {
	vaderOnce.Do(func() { vaderSIA = govader.NewSentimentIntensityAnalyzer() })
	return vaderSIA
}

// vaderScorer is govader's compound score of the whole text: the reference.
type vaderScorer struct{}

func (vaderScorer) Name() string { return "vader" }

func (vaderScorer) Score(text string, _ []token.Token) float64 {
	return clamp1(analyzer().PolarityScores(text).Compound)
}
