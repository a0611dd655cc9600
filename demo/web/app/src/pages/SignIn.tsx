import { Button } from '@acme/ui';

// Sessions are created by services/identity (POST /v1/sessions).
export function SignIn() {
  return (
    <form method="post" action="/api/identity/v1/sessions">
      <label>
        Email <input name="email" type="email" autoComplete="email" />
      </label>
      <Button type="submit">Sign in</Button>
    </form>
  );
}
