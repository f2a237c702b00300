// Session-only secrets (no system keychain): main keeps them for the app's run and hands them to the
// services with every init, so a services restart or a profile switch does not lose them. Never
// written to disk, never sent to a window.
export class SessionSecrets {
  private readonly secrets = new Map<string, string>();

  /** A `sessionSecret` message from the services: set, or remove when `secret` is null. */
  apply(account: string, secret: string | null): void {
    if (secret === null) this.secrets.delete(account);
    else this.secrets.set(account, secret);
  }

  /** For the init message. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.secrets);
  }

  /** A removed profile's secrets go with it. */
  forgetProfile(profileId: string): void {
    for (const account of [...this.secrets.keys()]) if (account.startsWith(`${profileId}/`)) this.secrets.delete(account);
  }
}
