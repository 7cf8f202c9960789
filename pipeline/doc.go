// Package pipeline runs framescope over a corpus, one article at a time.
//
// The stages, in order, each in its own package:
//
//  1. ingest   (pipeline/ingest): walk a folder of .txt files with its
//     manifest.csv, or read a .jsonl or .csv file; decode each article to UTF-8
//     and account for every input, processed or skipped with its reason.
//  2. clean    (pipeline/clean): give every line or block a role (body,
//     headline, boilerplate, comment) and read metadata the text states.
//  3. segment  (pipeline/segment): cut the text into paragraphs and sentences
//     that keep their byte offsets into the article.
//  4. score    (analysis/tone, analysis/frames, analysis/voice): tokenize each
//     paragraph once (analysis/token) and score its tone, its frames with their
//     evidence, and whose voice it is.
//  5. aggregate (analysis/aggregate, analysis/stats): fold articles into
//     mergeable per-group numbers by outlet, year and voice, with intervals
//     from a bootstrap over articles, and compare outlets.
//  6. write    (this package, charts, pipeline/report): paragraphs.csv,
//     articles.csv, aggregates.csv, comparisons.csv, charts, report.html,
//     tables.tex and run.json, written to a temporary folder and renamed into
//     place at the end.
//
// Scoring one article is a pure function of the article, the codebook and the
// loaded models (ScoreArticle); everything else is streaming and ordered, so the
// same input gives the same bytes on every run, whatever the scheduling.
package pipeline
