// Package validate measures a framescope run against people, and helps a
// researcher build and check their own gold data.
//
// Three steps, in the order a researcher meets them:
//
//  1. Sample draws a stratified, seeded sample of paragraphs from a run's
//     paragraphs.csv (strata: outlet × year × frame decision) and writes a
//     coding sheet in the gold files' format for human coders.
//  2. Agree reads the coded sheets of several coders and reports, per label,
//     Krippendorff's alpha (nominal for frames, voice and role; interval for
//     tone) and, with exactly two coders, Cohen's kappa.
//  3. Eval scores a run's paragraphs.csv against a sentence-level gold file
//     exactly as the reference scorer ../shared/eval/score_run.py does, and adds
//     95% intervals from a bootstrap over the gold file's documents.
//
// The measures of Eval are those of score_run.py, which is their definition:
// a gold unit belongs to the paragraph of the same document (matched by base
// name) that overlaps it most, the first such paragraph in file order on a
// tie, and no paragraph when none overlaps it by at least one byte.
package validate
