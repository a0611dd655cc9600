module example.invalid/acme/services/payments

go 1.22
