package tone

import "sync"

// The cdipaolo log-ratios as a map, for tests that compare the lexicon with
// them or build lexicons of their own. A run reads them from the lexicon.

var (
	nbOnce sync.Once
	nbLR   map[string]float64
	nbErr  error
)

// nbLogRatios returns the cdipaolo word log-ratios, loading them on first use.
func nbLogRatios() (map[string]float64, error) {
	nbOnce.Do(func() { nbLR, nbErr = loadNB() })
	return nbLR, nbErr
}

// mustNB is nbLogRatios: the asset is compiled in, so a failure is a broken
// build, not bad input.
func mustNB() map[string]float64 {
	lr, err := nbLogRatios()
	if err != nil {
		panic(err)
	}
	return lr
}
