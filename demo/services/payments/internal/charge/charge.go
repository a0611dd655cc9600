// Package charge creates charges and posts them to the ledger.
package charge

import (
	"encoding/json"
	"errors"
	"net/http"

	"example.invalid/acme/services/payments/internal/ledger"
)

// Request is the body of POST /v1/charges; see api/examples/charge.json.
type Request struct {
	AccountID      string `json:"account_id"`
	AmountMinor    int64  `json:"amount_minor"`
	Currency       string `json:"currency"`
	IdempotencyKey string `json:"idempotency_key"`
}

var ErrInvalidAmount = errors.New("amount must be positive")

// Create validates a charge and posts it. Amounts are integers in minor units.
func Create(book *ledger.Book, req Request) (ledger.EntryID, error) {
	if req.AmountMinor <= 0 {
		return "", ErrInvalidAmount
	}
	return book.Post(req.IdempotencyKey, req.AccountID, "revenue", req.AmountMinor, req.Currency)
}

// Handler serves POST /v1/charges.
func Handler(book *ledger.Book) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req Request
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "invalid JSON", http.StatusBadRequest)
			return
		}
		id, err := Create(book, req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"id": string(id)})
	})
}
