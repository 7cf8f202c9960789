package report

// CheckReportFile lets the end-to-end tests (package report_test, which may
// import the pipeline) open a real run's report in the browser.
var CheckReportFile = checkReportFile
