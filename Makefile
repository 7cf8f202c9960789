# framescope: `make run` runs the pipeline on seeds/ into out/; `make test` runs every test.
GO       ?= go
BIN      ?= framescope
IN       ?= seeds
OUT      ?= out
FUZZTIME ?= 30s
SIZE     ?= 100M

.PHONY: all build run test check fuzz bench corpus clean

all: build

build:
	$(GO) build -o $(BIN) .

run: build
	./$(BIN) run -in $(IN) -out $(OUT)

# Every test, with the race detector. Tests that need ../shared skip without it
# (CI sets FRAMESCOPE_REQUIRE_SHARED=1 to make that a failure).
test:
	$(GO) test -race -count=1 ./...

# gofmt, go vet, staticcheck and the race-detector tests.
check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@command -v staticcheck >/dev/null 2>&1 || $(GO) install honnef.co/go/tools/cmd/staticcheck@latest
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" staticcheck ./...
	$(MAKE) test

# Each fuzz target for FUZZTIME (CI runs them briefly with FUZZTIME=5s).
fuzz:
	FUZZTIME=$(FUZZTIME) GO=$(GO) ./.ci/fuzz

# Go benchmarks per stage, then the end-to-end benchmark beside `wc -w`.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	SIZE=$(SIZE) ./.ci/bench-e2e

# A synthetic corpus of SIZE bytes in corpus/ (folder of .txt + manifest, and JSONL).
corpus: build
	./$(BIN) gen -size $(SIZE) -out corpus

clean:
	rm -rf $(BIN) out/*.csv out/*.json out/*.html out/*.tex out/charts corpus
