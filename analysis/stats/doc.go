// Package stats holds the statistics framescope reports: two-sample tests
// with p-values (Welch's t, Mann–Whitney, chi-square, Fisher's exact),
// Holm's adjustment, effect sizes, confidence intervals for proportions, a
// seeded cluster bootstrap and the Poisson bootstrap of ratios
// (PoissonBootstrapRatios), with a selection-based percentile interval.
//
// Like gonum's stat package, these are plain functions over slices with the
// formula in the doc comment. Each mirrors the default of the R function
// named in its comment and is tested against R's published values. Invalid
// input that a caller can meet in real data (empty samples, one
// observation, all ties, zero variance) returns NaN or a documented value;
// no function panics on it. NaN in an input sample propagates.
//
// The distributions (Student's t, chi-square, normal, beta) come from
// gonum.org/v1/gonum/stat/distuv.
package stats
