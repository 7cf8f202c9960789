// Package charts renders framescope's figures for papers (issue #5): frame
// share by outlet, tone by year, an outlet × frame heat map, the distribution
// of paragraph tone per outlet and frame share by voice.
//
// The lead converts aggregates into the plain types of this package ([Data],
// [Estimate], [Dist]); [Figures] validates them and builds one [Figure] per
// chart that has data; [Figure.WriteTo] renders a figure to any writer as
// PDF, SVG, EPS or PNG; [WriteAll] is the only function that touches files.
//
// Every chart uses the same paper theme: the Okabe–Ito palette with a
// redundant marker shape, line dash or hatching per series so that figures
// survive grayscale printing, 8–9 pt Liberation fonts at print size, a width
// of 3.5 in (one column) or 7.16 in (two columns) and a height chosen by the
// content. Legends sit in a reserved band between the title and the plot, so
// they never cover data.
//
// Output is byte-identical from run to run: the PDF creation and modification
// dates are fixed, the EPS %%CreationDate line is removed, PNGs are written
// at 300 dpi with a pHYs chunk recording that resolution.
//
// Labels the fonts cannot draw (Persian, Urdu and other scripts missing from
// Liberation; gonum/plot does no Arabic shaping) are never dropped silently:
// they are replaced by a visible code such as "Outlet 3 [fa]", listed in
// [Figure.Aliases] for the report to print, and announced by
// [AliasWarnings].
package charts
