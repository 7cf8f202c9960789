package gen

// outlet is a fictional news outlet with its own habits, so that outlets
// differ in the frames they carry and in how their pages are laid out. None
// of them is a real outlet; the non-Latin names are Persian and Urdu.
type outlet struct {
	name, slug string
	from, to   int     // the years it publishes in
	weight     int     // its share of articles
	threat     float64 // chance an article has a us_israel_threat paragraph
	unity      float64 // … a muslim_unity paragraph
	border     float64 // … a border_security paragraph
	headline   float64 // chance the text starts with a headline
	brand      bool    // the text's first line names the outlet
	dateline   float64 // chance the first paragraph starts "CITY (Outlet) –"
	boiler     float64 // chance of newsletter prompts, "Read more" links, a licence line
	comments   float64 // chance of reader comments at the end
	crlf       bool    // lines end in CRLF
	single     bool    // paragraphs separated by one line end, not a blank line
	native     bool    // name written in Persian or Urdu script
}

var outlets = []outlet{
	{name: "Tehran Evening Courier", slug: "tehran-evening-courier", from: 2010, to: 2025, weight: 6, threat: .45, unity: .35, border: .15, headline: .9, dateline: .6, boiler: .5, comments: .1},
	{name: "Islamabad Ledger", slug: "islamabad-ledger", from: 2010, to: 2025, weight: 6, threat: .10, unity: .10, border: .35, headline: .9, dateline: .3, boiler: .6, comments: .4},
	{name: "روزنامه افق", slug: "ofogh-daily", from: 2012, to: 2025, weight: 4, threat: .55, unity: .40, border: .10, headline: .8, brand: true, dateline: .4, boiler: .3, native: true},
	{name: "پیام مرز", slug: "payam-e-marz", from: 2014, to: 2025, weight: 3, threat: .30, unity: .20, border: .50, headline: .7, brand: true, dateline: .2, boiler: .2, native: true},
	{name: "صدای کویر", slug: "sedaye-kavir", from: 2010, to: 2021, weight: 2, threat: .40, unity: .30, border: .30, headline: .6, brand: true, boiler: .4, crlf: true, native: true},
	{name: "روزنامہ سحر", slug: "roznama-sahar", from: 2011, to: 2025, weight: 4, threat: .15, unity: .30, border: .30, headline: .8, brand: true, dateline: .2, boiler: .5, comments: .3, native: true},
	{name: "آواز بلوچستان", slug: "awaz-e-balochistan", from: 2013, to: 2025, weight: 3, threat: .05, unity: .10, border: .60, headline: .7, brand: true, boiler: .3, comments: .2, native: true},
	{name: "نوید پاکستان", slug: "naveed-pakistan", from: 2015, to: 2025, weight: 2, threat: .20, unity: .35, border: .25, headline: .9, brand: true, boiler: .4, native: true, single: true},
	{name: "Caspian Wire", slug: "caspian-wire", from: 2010, to: 2025, weight: 5, threat: .35, unity: .20, border: .20, headline: .95, dateline: .8, boiler: .2},
	{name: "The Frontier Herald", slug: "frontier-herald", from: 2010, to: 2025, weight: 5, threat: .05, unity: .05, border: .45, headline: .9, dateline: .2, boiler: .7, comments: .5},
	{name: "Indus Observer", slug: "indus-observer", from: 2010, to: 2025, weight: 4, threat: .10, unity: .15, border: .25, headline: .85, boiler: .6, comments: .3},
	{name: "Gulf Strategic Review", slug: "gulf-strategic-review", from: 2016, to: 2025, weight: 2, threat: .20, unity: .10, border: .20, headline: 1, boiler: .3},
	{name: "Persepolis Press Agency", slug: "persepolis-press", from: 2010, to: 2025, weight: 5, threat: .50, unity: .40, border: .20, headline: .9, dateline: .9, boiler: .4},
	{name: "Karachi Morning Post", slug: "karachi-morning-post", from: 2010, to: 2025, weight: 4, threat: .08, unity: .10, border: .20, headline: .9, boiler: .8, comments: .6, crlf: true},
	{name: "Quetta Times", slug: "quetta-times", from: 2012, to: 2025, weight: 3, threat: .05, unity: .10, border: .55, headline: .8, dateline: .4, boiler: .4, comments: .2},
	{name: "Zagros News Network", slug: "zagros-news", from: 2010, to: 2019, weight: 3, threat: .45, unity: .30, border: .15, headline: .8, dateline: .5, boiler: .3, single: true},
	{name: "Ummah Voice", slug: "ummah-voice", from: 2014, to: 2025, weight: 2, threat: .35, unity: .70, border: .05, headline: .8, boiler: .5, comments: .3},
	{name: "South Asia Monitor Desk", slug: "south-asia-monitor", from: 2010, to: 2025, weight: 4, threat: .05, unity: .05, border: .20, headline: .9, boiler: .3},
	{name: "Eurasia Policy Journal", slug: "eurasia-policy-journal", from: 2011, to: 2025, weight: 2, threat: .15, unity: .10, border: .15, headline: 1, boiler: .2},
	{name: "Mashhad Daily", slug: "mashhad-daily", from: 2010, to: 2025, weight: 3, threat: .40, unity: .35, border: .25, headline: .7, dateline: .5, boiler: .3},
	{name: "Lahore Chronicle", slug: "lahore-chronicle", from: 2010, to: 2025, weight: 4, threat: .10, unity: .15, border: .15, headline: .9, boiler: .7, comments: .5},
	{name: "Peshawar Bulletin", slug: "peshawar-bulletin", from: 2010, to: 2023, weight: 2, threat: .15, unity: .20, border: .35, headline: .8, boiler: .4, comments: .2},
	{name: "Gwadar Port Gazette", slug: "gwadar-gazette", from: 2016, to: 2025, weight: 2, threat: .05, unity: .05, border: .40, headline: .9, boiler: .3},
	{name: "Atlantic Desk", slug: "atlantic-desk", from: 2010, to: 2025, weight: 4, threat: .02, unity: .02, border: .10, headline: 1, boiler: .5, comments: .4},
	{name: "Global Affairs Daily", slug: "global-affairs-daily", from: 2010, to: 2025, weight: 4, threat: .05, unity: .05, border: .10, headline: .95, boiler: .4},
	{name: "The Border Report", slug: "border-report", from: 2018, to: 2025, weight: 2, threat: .05, unity: .05, border: .70, headline: .9, boiler: .2},
	{name: "Tabriz Tribune", slug: "tabriz-tribune", from: 2010, to: 2020, weight: 2, threat: .30, unity: .20, border: .10, headline: .7, boiler: .3},
	{name: "Kashmir Insight", slug: "kashmir-insight", from: 2012, to: 2025, weight: 2, threat: .20, unity: .50, border: .10, headline: .8, boiler: .4, comments: .4},
	{name: "Rawalpindi Defence Weekly", slug: "rawalpindi-defence-weekly", from: 2010, to: 2025, weight: 2, threat: .15, unity: .10, border: .50, headline: 1, boiler: .2},
	{name: "Pars Economic Review", slug: "pars-economic-review", from: 2013, to: 2025, weight: 2, threat: .15, unity: .05, border: .05, headline: 1, boiler: .3},
}
