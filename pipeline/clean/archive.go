package clean

// A page saved from a web archive, as copied with the archive's toolbar
// above it: the Wayback Machine's ("The Wayback Machine - https://web.
// archive.org/…", "87 captures", the calendar, "success", "fail", "About
// this capture", "COLLECTED BY", the collection's description,
// "TIMESTAMPS") or archive.today's ("archive.today webpage capture", "Saved
// from …", "All snapshots from host …", "Webpage Screenshot"). The toolbar
// is boilerplate; the archived page under it is read as a page of its own.

// archiveBanner is the first line of an archive's toolbar.
var archiveBanner = rx(`(?i)\b(wayback machine|web\.archive\.org|archive\.(today|ph|is|li|md|vn)\b)`)

// archiveToolbarLine is a line that ends (or may end) an archive's toolbar.
var archiveToolbarLine = rx(`(?i)^(timestamps|about this capture|collected by|webpage screenshot|report (bug|error)( or abuse)?|download \.zip|all snapshots from host\b.{0,100}|saved from\b.{0,300}|no other snapshots from this url|the internet archive (discovers|collects)\b.{0,300})$`)

// archiveToolbarEnd returns the index of the last unit of an archive's
// toolbar at the top of the page, or -1 when the page does not start with
// one.
func archiveToolbarEnd(units []*unit) int {
	if len(units) == 0 || len(units[0].s) > 300 || !archiveBanner.MatchString(units[0].s) {
		return -1
	}
	end := -1
	for i, u := range units[:min(len(units), 30)] {
		if len(u.s) <= 320 && archiveToolbarLine.MatchString(u.s) {
			end = i
		}
	}
	return end
}
