// Thin wrapper over the generated client, owned by Payments so that the contract and its
// only web caller change together.
import { postCharge } from '../generated/paymentsClient';

export interface ChargeInput {
  accountId: string;
  amountMinor: number;
  currency: string;
}

export async function createCharge(input: ChargeInput): Promise<boolean> {
  const response = await postCharge({
    account_id: input.accountId,
    amount_minor: input.amountMinor,
    currency: input.currency,
    idempotency_key: crypto.randomUUID(),
  });
  return response.ok;
}
