package charts

// Golden lets the external example tests compare with golden files.
var Golden = golden
