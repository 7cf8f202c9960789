// Package aggregate turns scored articles into outlet × year × voice
// estimates with honest intervals, and compares outlets with tests.
//
// An Aggregator holds one small summary per article (a sum and a count per
// measure, no text and no paragraphs), so it streams: Add articles one at a
// time, Merge aggregators built on shards, then call Rows and Comparisons.
// Merging shards in any order gives byte-for-byte the answer of one pass:
// every output is computed from the articles sorted by Doc.
//
// # Measures
//
// For each voice ("all" paragraphs; only the outlet's own "outlet"
// paragraphs; only "quote" paragraphs — "mixed" paragraphs count in "all"
// only) the measures are
//
//	tone_mean            mean paragraph tone
//	<frame>_share        share of paragraphs carrying the frame
//	tone_toward_<actor>  mean tone toward the actor, over paragraphs that mention it
//
// and, for voice "all" only,
//
//	tone_outlet_mean     mean tone of the outlet's own sentences (paragraphs that have some)
//	tone_quote_mean      mean tone of quoted sentences (paragraphs that have some)
//
// # Weighting
//
// With Weight "article" (the default) each article first gets its own mean
// (or share) over its contributing paragraphs, and a group's value is the
// mean over its articles, so long articles do not dominate. With
// "paragraph" a group's value is the mean over all its paragraphs
// (Σ sums / Σ counts).
//
// # Intervals
//
// Articles, not paragraphs, are the independent units: paragraphs of one
// article share an author, a topic and a slant. Every interval therefore
// treats the article as the cluster. Row.Interval names the method, picked
// per group and measure from n, the number of contributing articles:
//
//	none                n = 1: no interval (a measure with n = 0 has no row)
//	t                   tone, n < MinBootstrap (default 10)
//	wilson              share, n < MinBootstrap; or any n when fewer than 10
//	                    articles carry the frame (or lack it somewhere)
//	bootstrap-articles  MinBootstrap ≤ n < MaxBootstrap (default 50 under
//	                    Weight "article", 100 under "paragraph")
//	cluster-t           tone, n ≥ MaxBootstrap
//	cluster-wilson      share, n ≥ MaxBootstrap
//
// "t" and "cluster-t" are one formula, R ± t_{n−1}·√V with V the
// linearised (delta-method) variance of the ratio R = Σyᵢ/Σmᵢ with articles
// as clusters, V = n/(n−1)·Σ(yᵢ − R·mᵢ)²/(Σmᵢ)² (yᵢ, mᵢ: the article's mean
// and 1 under Weight "article", its sum and paragraph count under
// "paragraph"), clipped to [-1, 1]; the label says which rule chose it.
//
// "wilson" is the Wilson score interval on the effective number of
// articles n = (Σmᵢ)²/Σmᵢ² (Kish). It is conservative: a share whose
// paragraphs agree within each article has exactly the binomial variance
// p(1−p)/n, and any disagreement within articles only lowers it.
// "cluster-wilson" is the Wilson interval on the design-effect sample size
// p(1−p)/V (capped at the paragraph count), scaled by (z/t_{n−1})² (Korn and
// Graubard's degrees-of-freedom adjustment): like "cluster-t" it uses the
// data's own clustering, and like Wilson it stays inside [0, 1].
//
// "bootstrap-articles" is the percentile interval of a Poisson bootstrap
// over the measure's contributing articles (each gets an independent
// Poisson(1) weight on each of Resamples replicates; the group's
// bootstrapped measures share the weights, stats.PoissonBootstrapRatios),
// seeded from Options.Seed and the group. Level (default 95%) applies to
// every method.
//
// Why the switch: the bootstrap costs articles × Resamples per group and
// measure (24 s of CPU for the four groups of every article of a
// 250,000-article corpus with 53 measures at 2000 resamples), while the
// analytic intervals cost one pass. In simulation (TestCoverageTable:
// skewed tone mixtures, paragraph counts that depend on tone, a 3% frame
// carried by few articles, a common clustered frame, lumpy tone toward an
// actor; 2000 corpora per cell, Monte Carlo error ±0.5 points) the analytic
// intervals covered the truth 94.6–98.4% of the time from n = 50 on under
// Weight "article", and 94.3–97.8% from n = 100 on under "paragraph"
// (92.9–93.1% for tone and the common frame at n = 50, hence its higher
// default). The bootstrap did no better at any size (91.8% for tone at
// n = 20; 68% for the rare frame at n = 20, hence the "wilson" rule).
// TestAnalyticCoverageAtSwitch re-checks the analytic intervals at the
// default switch-over sizes on every test run. Set MaxBootstrap to
// math.MaxInt to bootstrap every group of at least MinBootstrap articles.
//
// # Comparisons
//
// Comparisons test every pair of outlets, pooled over years, with articles
// as units whatever the Weight: tone measures by Welch's t (effect Cohen's
// d) and by Mann–Whitney (effect rank-biserial r) on the per-article
// means; frames by the share of articles that carry the frame at least once
// (measure "<frame>_presence") with the chi-square test with Yates's
// correction, or Fisher's exact test when an expected count is below 5
// (effect: difference of proportions with Newcombe's interval, and
// Cramér's V). p-values are Holm-adjusted within each measure × voice ×
// test family ("welch-t", "mann-whitney", or the contingency tests
// together).
//
// # Output
//
// Rows and Comparisons are sorted: source ("all" first, then by name), year
// ("all" first, then ascending, then "unknown"), voice (all, outlet,
// quote), measure (in the order above, frames and actors in Options order).
// The CSV writers format floats with strconv 'g' and 6 significant digits
// and write NaN as an empty field.
package aggregate
