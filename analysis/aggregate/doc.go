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
// treats the article as the cluster.
//
// With at least MinBootstrap contributing articles the interval is the
// percentile interval (at Options.Level, default 95%) of a bootstrap over
// the group's articles ("bootstrap-articles"; the value is recomputed on
// each resample with the same weighting). It is the Poisson bootstrap
// (each article gets an independent Poisson(1) weight on each resample; see
// stats.PoissonOne): every outlet × year cell draws its articles' weights
// from a seed derived from Options.Seed and the cell, and a pooled group's
// resamples are the sums of its cells', so pooled intervals resample
// articles across the whole pool at the cost of one pass over the articles
// per resample. In simulation (TestBootstrapCoverage, 30 articles) the 95%
// interval covers the truth about 91% of the time: percentile intervals
// run short on few clusters.
//
// With fewer articles, shares get a Wilson interval ("wilson") on the
// effective number of articles n = (Σmᵢ)²/Σmᵢ² (mᵢ = 1 under Weight
// "article", the paragraph count under "paragraph"). It is conservative:
// a share whose paragraphs agree within each article has exactly the
// binomial variance p(1−p)/n, and any disagreement within articles only
// lowers it. Tone gets the cluster-robust t interval of stats.RatioMeanCI
// ("t"), clipped to [-1, 1]. A measure with one contributing article has
// no interval ("none"); a measure with none has no row at all (there is no
// estimate to report).
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
