// Package ledger is a double-entry ledger: every posting debits one account and credits
// another by the same amount, so the books always balance. Schema: migrations/.
package ledger

import "fmt"

type EntryID string

type Book struct {
	dsn     string
	posted  map[string]EntryID
	balance map[string]int64
}

func Open(dsn string) *Book {
	return &Book{dsn: dsn, posted: map[string]EntryID{}, balance: map[string]int64{}}
}

// Post moves amount from debit to credit. Posting the same idempotency key twice returns
// the first entry instead of moving money again.
func (b *Book) Post(key, debit, credit string, amount int64, currency string) (EntryID, error) {
	if id, ok := b.posted[key]; ok {
		return id, nil
	}
	id := EntryID(fmt.Sprintf("%s-%d", currency, len(b.posted)+1))
	b.balance[debit] -= amount
	b.balance[credit] += amount
	b.posted[key] = id
	return id, nil
}
