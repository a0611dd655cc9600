// Checkout is co-owned with Payments: the amount handling must match services/payments.
import { useState } from 'react';
import { Button } from '../../../../packages/ui/src';
import { createCharge } from '../api/payments';
import '../styles/checkout.css';

export function Checkout() {
  const [status, setStatus] = useState<'idle' | 'paying' | 'paid' | 'failed'>('idle');

  async function pay() {
    setStatus('paying');
    // Minor units, as the Payments API requires (services/payments/api/openapi.yaml).
    const ok = await createCharge({ accountId: 'acct_42', amountMinor: 1999, currency: 'EUR' });
    setStatus(ok ? 'paid' : 'failed');
  }

  return (
    <main className="checkout">
      <h1>Checkout</h1>
      <Button onClick={pay} disabled={status === 'paying'}>Pay €19.99</Button>
      {status === 'failed' && <p role="alert">Payment failed. Try again.</p>}
    </main>
  );
}
