# zoneatlas: the two commands a newcomer needs are `make demo` and `make test`.
# Everything else here is what those two are made of.

PORT ?= 8080
ADDRESS ?= 127.0.0.1
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
ASAN_BUILD ?= build-asan
DEMO_DB ?= zoneatlas-demo.db
JOBS ?= $(shell nproc)
ZONEATLAS = $(BUILD)/src/app/zoneatlas

ASSETS = web/assets/node_modules/.package-lock.json

.PHONY: all deps deps-test assets build demo demo-data serve test test-unit test-browser test-sanitize fuzz fuzz-build bench bench-build bench-atlas bench-sectors bench-socialmap bench-rights bench-coordination format clean

all: build

deps:
	scripts/install-deps.sh build

deps-test:
	scripts/install-deps.sh test

# Front-end libraries (Leaflet) from the npm registry, pinned by web/assets/package-lock.json;
# the build embeds them. Installed again only when the lock file changes.
$(ASSETS): web/assets/package-lock.json
	npm ci --prefix web/assets --no-audit --no-fund
	touch $@

assets: deps $(ASSETS)

$(BUILD)/build.ninja: $(ASSETS)
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DZONEATLAS_BUILD_BENCH=OFF

build: deps assets $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# A fresh SQLite database with the two demo geographies and their atlas figures
# (see data/demo/README.md), and every other Flemish eerstelijnszone with the population of
# every Flemish and Brussels statistical sector in 2025 (data/geography).
demo-data: build
	rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).search
	$(ZONEATLAS) --database $(DEMO_DB) migrate
	$(ZONEATLAS) --database $(DEMO_DB) import areas data/demo/areas.csv
	$(ZONEATLAS) --database $(DEMO_DB) import zones data/demo/zones.csv
	$(ZONEATLAS) --database $(DEMO_DB) import geometry data/demo/boundaries.geojson \
	  --source "Municipal boundaries 2014-2018 (open data), simplified to 40 m"
	$(ZONEATLAS) --database $(DEMO_DB) import areas data/geography/flanders-areas.csv
	$(ZONEATLAS) --database $(DEMO_DB) import zones data/geography/flanders-zones.csv
	$(ZONEATLAS) --database $(DEMO_DB) import geometry data/geography/flanders-boundaries.geojson \
	  --source "Provincies in Cijfers, gemeente.shp (2025 municipalities), simplified to 40 m"
	$(ZONEATLAS) --database $(DEMO_DB) import areas data/geography/OPENDATA_SECTOREN_2025_NEW.xlsx --skip-unknown
	$(ZONEATLAS) --database $(DEMO_DB) import parts data/geography/brussels-city-parts.csv
	$(ZONEATLAS) --database $(DEMO_DB) import observations data/demo/population-2018-2020.csv \
	  --source "Statbel, population on 1 January, via the open belgian_municipalities compilation (2018-2020 editions)"
	$(ZONEATLAS) --database $(DEMO_DB) import observations data/demo/observations-demo.csv --demo \
	  --source "Demonstration values made by data/demo/make_observations.py, not published figures"
	$(ZONEATLAS) --database $(DEMO_DB) import observations data/geography/OPENDATA_SECTOREN_2025_NEW.xlsx \
	  --skip-unknown --source "Statbel, population per statistical sector on 1 January 2025"
	$(ZONEATLAS) --database $(DEMO_DB) import hsds data/demo/social-map-demo.json
	$(ZONEATLAS) --database $(DEMO_DB) import initiatives data/demo/initiatives.json
	$(ZONEATLAS) --database $(DEMO_DB) import consultations data/demo/consultations.json
	$(ZONEATLAS) --database $(DEMO_DB) import agenda data/demo/agenda.json
	$(ZONEATLAS) --database $(DEMO_DB) import providers data/demo/providers.json

demo: demo-data
	@echo "zoneatlas: open http://localhost:$(PORT)/ (Ctrl-C stops)"
	$(ZONEATLAS) --database $(DEMO_DB) serve --address $(ADDRESS) --port $(PORT)

# Every suite: units, storage on SQLite and PostgreSQL, HTTP against the real binary,
# and the browser and accessibility tests.
test: deps-test build
	scripts/with-postgres.sh ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) test-browser

test-unit: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -LE postgresql

test-browser: build
	scripts/browser-tests.sh $(ZONEATLAS)

# The unit, storage and HTTP suites under AddressSanitizer and UBSan.
test-sanitize: deps-test assets
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZONEATLAS_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  scripts/with-postgres.sh ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# The libFuzzer targets of tests/fuzz (clang, ASan and UBSan), each run FUZZ_SECONDS on its
# seed corpus; CI runs them 30 s each. A finding fails it (scripts/fuzz.sh says where it is).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz-build: deps assets
	scripts/install-deps.sh fuzz
	CXX=clang++-16 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZONEATLAS_FUZZ=ON \
	  -DZONEATLAS_BUILD_TESTS=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers

fuzz: fuzz-build
	scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Every benchmark target built, not run, in the test build: CI does this so that none rots.
bench-build: deps-test assets
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DZONEATLAS_BUILD_BENCH=ON
	cmake --build $(BUILD) -j $(JOBS)

bench: build
	scripts/install-deps.sh all
	bench/http.sh $(ZONEATLAS)

# The atlas at scale (10 million observations; YEARS=1 for a quick million). Needs the
# benchmarks built: a separate build directory with -DZONEATLAS_BUILD_BENCH=ON.
bench-atlas: deps assets
	scripts/install-deps.sh all
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZONEATLAS_BUILD_BENCH=ON -DZONEATLAS_BUILD_TESTS=OFF
	cmake --build build-bench -j $(JOBS)
	bench/atlas.sh build-bench/src/app/zoneatlas build-bench/bench/atlas_bench

# Statbel's 21,183 statistical sectors as published: areas and population, timed.
bench-sectors: build
	scripts/install-deps.sh all
	bench/atlas_sectors.sh $(ZONEATLAS)

# The rights screener's throughput, and the same screening done by PostgreSQL as a peer.
bench-rights: deps assets
	scripts/install-deps.sh all
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZONEATLAS_BUILD_BENCH=ON -DZONEATLAS_BUILD_TESTS=OFF
	cmake --build build-bench -j $(JOBS) --target rights_bench rights_peer
	build-bench/bench/rights_bench
	scripts/with-postgres.sh bench/rights_peer.sh build-bench/bench

# The agenda and consultations with 10,000 events and 20,000 signals (made up in a temporary file).
bench-coordination: deps assets
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZONEATLAS_BUILD_BENCH=ON -DZONEATLAS_BUILD_TESTS=OFF
	cmake --build build-bench -j $(JOBS) --target coordination_bench
	build-bench/bench/coordination_bench

# The social map at scale (100,000 services): import, index rebuild, search latency.
bench-socialmap: deps assets
	scripts/install-deps.sh all
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DZONEATLAS_BUILD_BENCH=ON -DZONEATLAS_BUILD_TESTS=OFF
	cmake --build build-bench -j $(JOBS)
	bench/socialmap.sh build-bench/src/app/zoneatlas build-bench/bench/socialmap_bench

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
