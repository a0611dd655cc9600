// Command server runs the payments HTTP API described in api/openapi.yaml.
package main

import (
	"log"
	"net/http"
	"os"

	"example.invalid/acme/services/payments/internal/charge"
	"example.invalid/acme/services/payments/internal/ledger"
)

func main() {
	book := ledger.Open(os.Getenv("LEDGER_DSN"))
	mux := http.NewServeMux()
	mux.Handle("POST /v1/charges", charge.Handler(book))
	// Served so that contract tests can diff the running API against the spec.
	mux.Handle("GET /openapi.yaml", http.FileServer(http.Dir("services/payments/api")))

	addr := ":8081"
	log.Printf("payments listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
