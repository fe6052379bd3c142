import { createHash, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { Clock } from './Clock.js';
import type { IdTokenTamper } from './EmulatorControls.js';
import type { TokenFamily } from './RefreshTokenStore.js';
import type { ResolvedUser } from './resolveOptions.js';
import type { SigningKeys } from './SigningKeys.js';
import { signToken, validateTamper } from './signToken.js';

/** What one issuance needs: the user, the sign-in family and, for a code exchange, the nonce. */
export interface MintRequest {
  user: ResolvedUser;
  family: TokenFamily;
  nonce: string | undefined;
}

/** Freshly signed tokens; `idToken` only when the `openid` scope was granted. */
export interface MintedTokens {
  idToken: string | undefined;
  accessToken: string;
  /** Access-token lifetime in seconds (the token response's `expires_in`). */
  expiresIn: number;
}

/** The OIDC `at_hash`: base64url of the left half of the SHA-256 of the access token. */
function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

/**
 * Signs Cognito-shaped tokens: access tokens (`token_use: access`, `version: 2`, `client_id`, `scope`, no `aud`)
 * with the access key, ID tokens (`token_use: id`, `aud`, `cognito:username`, `at_hash`, `address` as
 * `{ formatted }`, …) with the ID key.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
export class TokenMinter {
  readonly #keys: SigningKeys;
  readonly #clock: Clock;
  readonly #issuer: string;
  readonly #lifetimes: { idTokenSeconds: number; accessTokenSeconds: number };
  #tamper: IdTokenTamper | undefined;

  constructor(
    keys: SigningKeys,
    clock: Clock,
    issuer: string,
    lifetimes: { idTokenSeconds: number; accessTokenSeconds: number },
  ) {
    this.#keys = keys;
    this.#clock = clock;
    this.#issuer = issuer;
    this.#lifetimes = lifetimes;
  }

  /** Applies `tamper` to the next ID token only. Throws a RangeError on invalid input. */
  tamperNextIdToken(tamper: IdTokenTamper): void {
    validateTamper(tamper);
    this.#tamper = tamper;
  }

  /** Signs an access token and, with the `openid` scope, an ID token. */
  async mint({ user, family, nonce }: MintRequest): Promise<MintedTokens> {
    const iat = this.#clock.nowSeconds();
    const groups = user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {};
    const accessClaims: JWTPayload = {
      sub: user.sub,
      ...groups,
      iss: this.#issuer,
      version: 2,
      client_id: family.clientId,
      origin_jti: family.originJti,
      event_id: family.eventId,
      token_use: 'access',
      scope: family.scopes.join(' '),
      auth_time: family.authTime,
      exp: iat + this.#lifetimes.accessTokenSeconds,
      iat,
      jti: randomUUID(),
      username: user.username,
    };
    const accessToken = await signToken(accessClaims, this.#keys.access);
    if (!family.scopes.includes('openid'))
      return { idToken: undefined, accessToken, expiresIn: this.#lifetimes.accessTokenSeconds };
    const idClaims: JWTPayload = {
      at_hash: accessTokenHash(accessToken),
      sub: user.sub,
      ...groups,
      email_verified: user.emailVerified,
      iss: this.#issuer,
      'cognito:username': user.username,
      ...(nonce === undefined ? {} : { nonce }),
      origin_jti: family.originJti,
      aud: family.clientId,
      event_id: family.eventId,
      token_use: 'id',
      auth_time: family.authTime,
      ...user.attributes,
      // Cognito's ID token carries the verified flags as booleans (userInfo sends them as strings).
      ...(user.attributes.phone_number_verified !== undefined && {
        phone_number_verified: user.attributes.phone_number_verified === 'true',
      }),
      // …and the address as the OIDC address claim, an object.
      ...(user.attributes.address !== undefined && { address: { formatted: user.attributes.address } }),
      exp: iat + this.#lifetimes.idTokenSeconds,
      iat,
      jti: randomUUID(),
      email: user.email,
    };
    const tamper = this.#tamper;
    this.#tamper = undefined;
    const idToken = await signToken(idClaims, this.#keys.id, tamper);
    return { idToken, accessToken, expiresIn: this.#lifetimes.accessTokenSeconds };
  }
}
