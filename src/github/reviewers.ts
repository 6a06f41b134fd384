/** Agent owners (`@user`, `@org/team`) sorted into what GitHub's review request takes. */
export interface ReviewRequest {
  reviewers: string[];
  teamReviewers: string[];
  /** Owners that cannot be requested at all, with the reason. */
  warnings: string[];
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TEAM_SLUG = /^[A-Za-z0-9_.-]+$/;

/**
 * Splits owners into user logins and team slugs of `org` (the repository
 * owner): GitHub can only request teams of the organization that owns the
 * repository, so a team of another organization is a warning.
 */
export function reviewRequest(owners: readonly string[], org: string): ReviewRequest {
  const reviewers = new Set<string>();
  const teamReviewers = new Set<string>();
  const warnings: string[] = [];
  for (const owner of owners) {
    const name = owner.trim().replace(/^@/, '');
    const [first = '', team, ...rest] = name.split('/');
    if (team === undefined && LOGIN.test(first)) {
      reviewers.add(first);
    } else if (team !== undefined && rest.length === 0 && LOGIN.test(first) && TEAM_SLUG.test(team)) {
      if (first.toLowerCase() === org.toLowerCase()) teamReviewers.add(team);
      else warnings.push(`owner ${owner}: a team of ${first} cannot review a pull request in a repository of ${org}`);
    } else {
      warnings.push(`owner ${owner}: not a GitHub user (@login) or team (@org/team)`);
    }
  }
  return { reviewers: [...reviewers], teamReviewers: [...teamReviewers], warnings };
}
