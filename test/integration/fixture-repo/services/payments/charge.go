package payments

// Charge amounts are integers in minor units.
func Charge(amountMinor int64) bool { return amountMinor > 0 }
