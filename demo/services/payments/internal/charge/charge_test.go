package charge

import (
	"testing"

	"example.invalid/acme/services/payments/internal/ledger"
)

func TestRejectsNonPositiveAmounts(t *testing.T) {
	book := ledger.Open("memory://")
	if _, err := Create(book, Request{AmountMinor: 0, Currency: "EUR"}); err != ErrInvalidAmount {
		t.Fatalf("want ErrInvalidAmount, got %v", err)
	}
}
