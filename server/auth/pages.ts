/**
 * The few HTML pages auth serves. Plain server-rendered HTML with no scripts and no inline event
 * handlers, so they pass the app's CSP (script-src 'self'); inline <style> is allowed there.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const style = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f4f6; color: #1d1d24; }
  main { max-width: 26rem; margin: 8vh auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { box-sizing: border-box; width: 100%; padding: .5rem; font: inherit; border: 1px solid #888; border-radius: 4px; }
  button { margin-top: 1.5rem; padding: .6rem 1.2rem; font: inherit; font-weight: 600; border: 0; border-radius: 4px; background: #1f4fa3; color: #fff; cursor: pointer; }
  button.secondary { background: #e4e4ea; color: #1d1d24; margin-left: .5rem; }
  .note { font-size: .9rem; color: #555; }
  .error { color: #a4031f; font-weight: 600; }
  code { background: #eee; padding: 0 .2rem; border-radius: 3px; }`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Plenum</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  /** Where the form posts. */
  action: string;
  username?: string;
  error?: string;
  /** Example accounts to show, e.g. "a.keller (chair)". */
  examples: readonly string[];
}

/** The development provider's sign-in form. */
export function loginPage(input: LoginPageInput): string {
  const error = input.error ? `<p class="error" role="alert" data-testid="login-error">${escapeHtml(input.error)}</p>` : '';
  return page(
    'Sign in',
    `<h1>Sign in to Plenum</h1>
<p class="note">Development identity provider: for trying Plenum out, never for a real sitting.</p>
${error}
<form method="post" action="${escapeHtml(input.action)}">
<label for="username">Username</label>
<input id="username" name="username" data-testid="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(input.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" data-testid="password" type="password" autocomplete="current-password" required>
<button type="submit" data-testid="submit">Sign in</button>
</form>
<p class="note">Demo accounts: ${input.examples.map((e) => `<code>${escapeHtml(e)}</code>`).join(', ')} and every other person of the demo parliament; password: <code>plenum</code>.</p>`,
  );
}

/** A failed sign-in step, with a way to start again. */
export function errorPage(title: string, message: string, retry?: { href: string; label: string }): string {
  const link = retry ? `<p><a href="${escapeHtml(retry.href)}">${escapeHtml(retry.label)}</a></p>` : '';
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>\n${link}`);
}

/** oidc-provider's logout confirmation; `form` is its own hidden form (with the xsrf token). */
export function logoutConfirmPage(form: string): string {
  return page(
    'Sign out',
    `<h1>Sign out of the development provider?</h1>
<p class="note">You have left Plenum. Signing out here too ends the provider’s session, so the next sign-in asks for the password again.</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" data-testid="logout-confirm">Sign out</button><button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>`,
  );
}

export function signedOutPage(homeHref: string): string {
  return page('Signed out', `<h1>Signed out</h1>\n<p><a href="${escapeHtml(homeHref)}">Back to Plenum</a></p>`);
}

/** GET /auth/logout: signing out changes state, so it takes a POST from this page (or the app's button). */
export function signOutFormPage(action: string): string {
  return page(
    'Sign out',
    `<h1>Sign out of Plenum?</h1>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" data-testid="sign-out">Sign out</button>
</form>`,
  );
}
