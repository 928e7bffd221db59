# Two commands do everything on a fresh machine:
#   make run    install, build, migrate, load the province library and a demo city, serve on SQLite
#   make test   install what the tests need and run every suite
# Set IPSP_REQUIRE_PG=1 and IPSP_REQUIRE_BROWSER=1 (CI does) to make the PostgreSQL and browser
# suites fail instead of skip when PostgreSQL or Chromium cannot be had.

NODE_MODULES_STAMP := node_modules/.installed
PORT ?= 3000

.PHONY: run test build install migrate seed serve bench clean check typecheck

$(NODE_MODULES_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: $(NODE_MODULES_STAMP)

build: install
	npm run --silent build

migrate: build
	node dist/server/cli/main.js migrate

seed: migrate
	node dist/server/cli/main.js seed-demo

run: seed
	PORT=$(PORT) node dist/server/cli/main.js serve

typecheck: install
	npm run --silent typecheck

check: install
	npm run --silent check:schemas

test: install
	npm run --silent check:schemas
	npm run --silent typecheck
	@bash tools/ensure-postgres.sh || true
	@bash tools/ensure-chromium.sh || true
	npm run --silent build:designer
	npx mocha 'tests/**/*.test.ts'

# Every benchmark, within 20 minutes, into docs/benchmarks.md (bench/bench-sizes.ts has the sizes).
# BENCH=smoke make bench for tiny sizes; ONLY=transitions,http make bench prints some sections.
bench: install
	npx tsx bench/run.ts

clean:
	rm -rf dist data .tmp
