import { describe, expect, it } from 'vitest';
import { planMigration } from '../../src/plan/plan.js';
import { fitPrBody } from '../../src/pr/body.js';
import { parseMarker } from '../../src/pr/marker.js';
import { BODY_LIMIT, capBody } from '../../src/render/fit.js';
import { planHeadline } from '../../src/render/plan-markdown.js';
import { teamWorkspace } from '../helpers/team-workspace.js';
import { workspaceFrom } from '../helpers/workspace.js';

const MARKER = { migration: 'gpt-4.1-to-gpt-5.1', planHash: 'abc' };

function planOf(files: Record<string, string>) {
  const workspace = workspaceFrom(files);
  return planMigration(workspace, [...workspace.migrations.values()][0]!);
}

describe('fitPrBody', () => {
  it('keeps a small plan whole, with the description and deadline', () => {
    const plan = planOf(teamWorkspace(3, 1));
    const { body, trimmed } = fitPrBody({ plan, marker: MARKER, footer: 'footer', about: { description: 'gpt-4.1 shuts down.', deadline: '2027-01-14' } });
    expect(trimmed).toBe(false);
    expect(body).toContain(`**${planHeadline(plan)}**`);
    expect(body).toContain('> gpt-4.1 shuts down.');
    expect(body).toContain('**Deadline:** 2027-01-14');
    expect(body).toContain('<summary>Diff (3 files)</summary>');
    expect(body).not.toContain('✂️');
    expect(parseMarker(body)).toMatchObject(MARKER);
  });

  it('trims a 600-agent plan under the limit, keeping the summary, the marker and a visible note', () => {
    const plan = planOf(teamWorkspace(600, 12));
    const { body, trimmed } = fitPrBody({ plan, marker: MARKER, footer: 'footer' });
    expect(trimmed).toBe(true);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain('**600 agents migrate openai/gpt-4.1 → openai/gpt-5.1 · 0 skipped · 2 warnings**');
    expect(body).toMatch(/600 agents in one pull request is a lot to review; add spec.split/);
    expect(body).toMatch(/✂️ Details were left out .*modelshift plan gpt-4.1-to-gpt-5.1/);
    expect(body).not.toContain('<summary>Diff');
    expect(body).toContain('more agents');
    expect(parseMarker(body)).toMatchObject(MARKER);
  });

  it('says a skip reason once, however many agents it skips', () => {
    const names = Array.from({ length: 60 }, (_, i) => `team-a-agent-${String(i * 5).padStart(4, '0')}`);
    const plan = planOf(teamWorkspace(1500, 5, `  select:\n    names: [${names.join(', ')}]\n`));
    expect(plan.summary).toMatchObject({ migrate: 60, skipped: 1440 });
    const { body } = fitPrBody({ plan, marker: MARKER, footer: 'footer' });
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body.split('name does not match spec.select.names').length - 1).toBe(1);
    expect(body).toContain('| 1440: ');
  });
});

describe('capBody', () => {
  it('empties folded sections from the last up, then cuts, keeping the summary and the marker', () => {
    const marker = '<!-- modelshift {"tool":"modelshift","migration":"m","planHash":"h"} -->\n';
    const body = `**summary**\n\n<details><summary>Agents</summary>\n\n${'a'.repeat(300)}\n\n</details>\n\n<details><summary>Diff</summary>\n\n${'d'.repeat(500)}\n\n</details>\n\n${marker}`;
    const capped = capBody(body, 600);
    expect(capped.length).toBeLessThanOrEqual(600);
    expect(capped).toContain('**summary**');
    expect(capped).toContain('a'.repeat(300));
    expect(capped).not.toContain('ddd');
    expect(capped.endsWith(marker)).toBe(true);
    expect(capBody(body, 300).length).toBeLessThanOrEqual(300);
    expect(capBody(body, 300)).toContain('**summary**');
    expect(capBody(body)).toBe(body);
  });
});
