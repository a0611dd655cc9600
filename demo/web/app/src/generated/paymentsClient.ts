// GENERATED from services/payments/api/openapi.yaml by `npm run generate:payments`.
// Do not edit: change the spec and regenerate.
export interface ChargeRequest {
  account_id: string;
  amount_minor: number;
  currency: string;
  idempotency_key: string;
}

export function postCharge(body: ChargeRequest): Promise<Response> {
  return fetch('/api/payments/v1/charges', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
