// Browser tests: the pages as a person with a browser meets them, checked with axe-core
// against WCAG 2.1 A and AA. Run by scripts/browser-tests.sh (make test-browser).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import ical from 'node-ical';
import { execFileSync } from 'node:child_process';

const base = process.env.ZONEATLAS_URL;
assert.ok(base, 'ZONEATLAS_URL must name the server under test');

let browser;

// Playwright gives every launch a fresh, empty profile of its own.
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

// axe-core runs inside the page, so checks need JavaScript on; the pages themselves have
// no scripts, and the flows below run with JavaScript off to prove it.
async function newPage(options = {}) {
  const context = await browser.newContext(options);
  return context.newPage();
}

// Signs in on the sign-in form in `language` ('nl' or 'fr') and waits for the account page.
async function signIn(page, language, email) {
  const labels = { nl: ['E-mailadres', 'Wachtwoord', 'Aanmelden'], fr: ['Adresse e-mail', 'Mot de passe', 'Se connecter'] };
  const [emailLabel, passwordLabel, button] = labels[language];
  await page.goto(`${base}/${language}/login`);
  await page.getByLabel(emailLabel).fill(email);
  await page.getByLabel(passwordLabel).fill(process.env.ZONEATLAS_TEST_PASSWORD);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(new RegExp(`/${language}/account$`));
}

async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(results.violations.length, 0, `${label}: axe found\n  ${summary.join('\n  ')}`);
}

// At a 390 px phone's width the page scrolls only down: wide tables scroll in their own box.
async function expectFitsPhone(page, label) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.setViewportSize(viewport);
  assert.ok(overflow <= 0, `${label} is ${overflow}px too wide at 390px`);
}

const pages = [
  ['/nl/', 'home'],
  ['/fr/', 'home'],
  ['/nl/zones/elz-zennevallei', 'zone'],
  ['/fr/zones/elz-zennevallei', 'zone'],
  ['/fr/zones/zorgzone-noord', 'zone'],
  ['/nl/areas/23101', 'area'],
  ['/fr/areas/21004', 'area'],
  ['/nl/accessibility', 'accessibility statement'],
  ['/fr/accessibility', 'accessibility statement'],
  ['/nl/bestaat-niet', 'not found'],
  ['/fr/accessibility/thanks', 'thanks'],
  ['/nl/login', 'sign-in form'],
  ['/fr/login', 'sign-in form'],
  ['/nl/account', 'sign-in required'],
  ['/nl/atlas', 'atlas'],
  ['/fr/atlas', 'atlas'],
  ['/nl/zones/elz-zennevallei/atlas', 'zone profile'],
  ['/fr/zones/elz-zennevallei/atlas', 'zone profile'],
  ['/fr/zones/zorgzone-noord/atlas', 'zone profile'],
  ['/nl/zones/zorgzone-noord/atlas', 'zone profile with indicators not measured in Brussels'],
  ['/nl/zones/zorgzone-noord/atlas/origin_maghreb', 'indicator page not measured in the region'],
  ['/fr/zones/zorgzone-noord/atlas/origin_maghreb', 'indicator page not measured in the region'],
  ['/nl/areas/21015/atlas', 'municipality profile with indicators not measured in Brussels'],
  ['/nl/zones/elz-zennevallei/atlas/grey_pressure', 'indicator page'],
  ['/fr/zones/elz-zennevallei/atlas/increased_reimb?period=2023', 'indicator page'],
  ['/nl/zones/elz-zennevallei/atlas/leefloon', 'indicator page with 95% intervals'],
  ['/nl/zones/zorgzone-noord/atlas/pop_total', 'indicator page with figures added up from sectors'],
  ['/fr/zones/zorgzone-noord/atlas/pop_total', 'indicator page with figures added up from sectors'],
  ['/nl/zones/elz-amalo', 'a Flemish zone without figures'],
  ['/fr/zones/elz-antwerpen-en-rand/atlas', 'the atlas of a Flemish zone without figures'],
  ['/nl/areas/23027/atlas', 'municipality profile'],
  ['/fr/areas/21015/atlas', 'municipality profile'],
  ['/nl/zones/elz-zennevallei/atlas/needs', 'needs index'],
  ['/nl/zones/elz-zennevallei/atlas/report', 'printable report'],
  ['/nl/zones/elz-zennevallei/supply?theme=food', 'supply beside need'],
  ['/fr/zones/zorgzone-zuid/supply?theme=income_rights&group=low_income', 'supply beside need'],
  ['/nl/zones/elz-zennevallei/rights-radar', 'non-take-up radar'],
  ['/fr/zones/zorgzone-noord/rights-radar', 'non-take-up radar'],
  ['/fr/zones/zorgzone-zuid/atlas/report', 'printable report'],
  ['/fr/zones/zorgzone-zuid/atlas/needs?budget=50000&universal=30&w_leefloon=2&w_chronic_status=1', 'needs index'],
  ['/nl/social-map', 'social map search'],
  ['/fr/social-map', 'social map search'],
  ['/nl/social-map?q=voedselbnak', 'social map search (did you mean)'],
  ['/fr/social-map?q=colis+alimentaire&near=1500&radius=10&walk_in=1', 'social map search (filtered)'],
  ['/nl/social-map/services/demo-social-service-23027', 'service page'],
  ['/fr/social-map/services/demo-night-shelter-21013', 'service page'],
  ['/fr/social-map/services/demo-service-centre-23027', 'service page (no plain language)'],
  ['/nl/social-map/organizations/ocmw-23027', 'organization page'],
  ['/fr/social-map/organizations/ocmw-21007', 'organization page'],
  ['/nl/social-map/print?theme=food&area=23027', 'printable repertory'],
  ['/fr/social-map/print?theme=drinking_water', 'printable repertory'],
  ['/nl/consultations?year=2025', 'consultations in every zone'],
  ['/fr/consultations?year=2025', 'consultations in every zone'],
  ['/nl/zones/elz-zennevallei/consultations', 'a zone\'s consultations'],
  ['/fr/zones/zorgzone-noord/consultations?year=2025&theme=food', 'a zone\'s consultations (filtered)'],
  ['/nl/consultations/elz-zennevallei-2024-onderbescherming', 'a meeting'],
  ['/fr/consultations/zz-zuid-2025-gg', 'a meeting'],
  ['/nl/zones/zorgzone-noord/working-groups', 'working groups'],
  ['/fr/zones/zorgzone-noord-oost/working-groups', 'working groups'],
  ['/fr/working-groups/wg-noordoost-logement', 'a working group'],
  ['/nl/working-groups/wg-noord-voeding', 'a working group'],
  ['/nl/zones/elz-zennevallei/initiatives', 'initiatives'],
  ['/fr/zones/zorgzone-noord-oost/initiatives?theme=food', 'initiatives (filtered)'],
  ['/nl/initiatives/darmkanker-op-maat-zennevallei', 'an initiative'],
  ['/fr/initiatives/colis-frais-schaerbeek', 'an initiative'],
  ['/nl/zones/elz-zennevallei/plan', 'the multi-year plan'],
  ['/nl/zones/elz-zennevallei/themes/prevention_screening?area=23027', 'a theme in a municipality'],
  ['/fr/zones/zorgzone-noord-oost/themes/food', 'a theme in a zone'],
  ['/fr/zones/zorgzone-noord-oost/plan', 'the multi-year plan'],
  ['/nl/agenda?view=list&from=2026-11-23', 'prevention calendar (list)'],
  ['/fr/agenda?view=list&from=2027-03-01&campaign=blue-march-2027', 'prevention calendar (list, filtered)'],
  ['/nl/agenda?view=month&month=2027-01&area=23077', 'prevention calendar (month, with a collision)'],
  ['/fr/agenda?view=month&month=2027-03', 'prevention calendar (month)'],
  ['/nl/agenda/events/infoavond-voedselhulp-spl', 'an activity'],
  ['/fr/agenda/events/papote-uccle', 'an activity'],
  ['/nl/agenda/campaigns/blue-march-2027', 'a campaign'],
  ['/fr/agenda/campaigns/griepvaccinatie-2026', 'a campaign'],
  ['/nl/agenda/campaigns/blue-march-2027?zone=elz-zennevallei', 'a campaign with its baseline per municipality'],
  ['/fr/agenda/campaigns/blue-march-2027?zone=elz-zennevallei', 'a campaign with its baseline per municipality'],
  ['/fr/initiatives/darmkanker-op-maat-zennevallei', 'an initiative with its indicator before the start'],
];

for (const [target, kind] of pages) {
  test(`${kind} ${target} has no WCAG 2.1 A/AA violations`, async () => {
    const page = await newPage();
    const response = await page.goto(base + target);
    const expected = { 'not found': 404, 'sign-in required': 401 }[kind] ?? 200;
    assert.equal(response.status(), expected);
    await expectNoAxeViolations(page, target);
    await page.context().close();
  });
}

test('an indicator page with its 95% intervals and funnel plot fits a 390 px phone in nl and fr', async () => {
  const page = await newPage();
  for (const language of ['nl', 'fr']) {
    await page.goto(`${base}/${language}/zones/elz-zennevallei/atlas/increased_reimb?period=2024`);
    assert.match(await page.locator('section[aria-labelledby="table-heading"] table.atlas-table thead').textContent(), /95/);
    // The funnel plot with its table, open, on the phone too.
    await page.locator('details.funnel-figures summary').click();
    assert.match(await page.locator('details.funnel-figures').textContent(), /Linkebeek.*(grens|limite)/);
    await expectFitsPhone(page, `/${language}/zones/elz-zennevallei/atlas/increased_reimb`);
  }
  await page.context().close();
});

test('a zorgzone counts its part of Brussels-City, added up from sectors, on a 390 px phone in nl and fr', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  for (const language of ['nl', 'fr']) {
    await page.goto(`${base}/${language}/zones/zorgzone-noord/atlas/pop_total?period=2025`);
    // Laeken, Neder-Over-Heembeek and Haren: Statbel's 2025 sectors of sections E, F and G.
    const row = page.locator('table.atlas-table tbody tr', { hasText: /Heembeek/ }).last();
    assert.match(await row.textContent(), /95[.\u202f ]474\s*Σ/);
    assert.match(await page.locator('main').textContent(), /Σ (Opgeteld|Additionné)/);
    await expectFitsPhone(page, `/${language}/zones/zorgzone-noord/atlas/pop_total`);
  }
  await page.context().close();
});

test('a keyboard user skips to the content and reaches a municipality on the map', async () => {
  const page = await newPage();
  await page.goto(base + '/nl/zones/elz-zennevallei');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(skip, 'Naar de inhoud');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#main$/);
  // Tab on until a map link has the focus, then follow it.
  let label = '';
  for (let i = 0; i < 30 && !label; i++) {
    await page.keyboard.press('Tab');
    label = await page.evaluate(() => document.activeElement.closest('svg') ? document.activeElement.getAttribute('aria-label') : '');
  }
  assert.ok(label, 'a municipality on the map takes the keyboard focus');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/nl\/areas\/\d+/);
  assert.equal(await page.locator('h1').textContent(), label);
  await page.context().close();
});

test('the language switch keeps the reader on the same page', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + '/nl/zones/zorgzone-zuid');
  await page.getByRole('link', { name: 'Français' }).click();
  assert.ok(page.url().endsWith('/fr/zones/zorgzone-zuid'));
  assert.equal(await page.locator('h1').textContent(), 'Bassin Sud');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.context().close();
});

test('a citizen reports an accessibility problem without JavaScript', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + '/fr/zones/elz-zennevallei');
  await page.getByRole('link', { name: "Déclaration d'accessibilité" }).click();
  await page.getByLabel('Qu\'est-ce qui ne fonctionne pas ?').fill('Le contraste de la carte est trop faible pour moi.');
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  assert.ok(page.url().endsWith('/fr/accessibility/thanks'));
  assert.equal(await page.locator('h1').textContent(), 'Merci pour votre signalement');
  await page.context().close();
});

test('an empty report is explained next to the form, in the reader\'s language', async () => {
  const page = await newPage();
  await page.goto(base + '/nl/accessibility');
  // The browser's own check (required) is bypassed to see the server's answer.
  await page.evaluate(() => document.querySelector('textarea').removeAttribute('required'));
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  assert.match(await page.getByRole('alert').textContent(), /mag niet leeg zijn/);
  await expectNoAxeViolations(page, 'form with an error');
  await page.context().close();
});

test('a coordinator goes from the zone to an indicator and downloads its figures, without JavaScript', async () => {
  const page = await newPage({ javaScriptEnabled: false, acceptDownloads: true });
  await page.goto(base + '/nl/zones/elz-zennevallei');
  await page.getByRole('link', { name: /Omgevingsanalyse van de zone/ }).click();
  assert.ok(page.url().endsWith('/nl/zones/elz-zennevallei/atlas'));
  await page.getByRole('link', { name: 'Grijze druk', exact: true }).click();
  assert.equal(await page.locator('h1').textContent(), 'Grijze druk Eerstelijnszone Zennevallei');
  // The chart, the map and the table say the same: every municipality is in each.
  for (const name of ['Beersel', 'Drogenbos', 'Halle', 'Linkebeek', 'Pepingen', 'Sint-Genesius-Rode', 'Sint-Pieters-Leeuw']) {
    assert.equal(await page.locator('svg.bar-chart').getByText(name, { exact: true }).count(), 1, name);
    assert.equal(await page.locator('svg.area-map a').filter({ has: page.locator('path') }).locator(`xpath=self::*[starts-with(@aria-label, "${name}: ")]`).count(), 1, name);
    assert.equal(await page.getByRole('rowheader', { name: new RegExp(`^${name}`) }).count(), 1, name);
  }
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /De cijfers van deze indicator downloaden/ }).click();
  assert.equal((await download).suggestedFilename(), 'zoneatlas-elz-zennevallei-grey_pressure.csv');
  await page.context().close();
});

test('the zone profile prints without its navigation and with every table whole', async () => {
  const page = await newPage();
  await page.goto(base + '/nl/zones/elz-zennevallei/atlas');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.actions').first().isVisible(), false, 'download links are not printed');
  const clipped = await page.evaluate(() => [...document.querySelectorAll('.table-scroll')]
    .some((box) => getComputedStyle(box).overflowX !== 'visible'));
  assert.equal(clipped, false, 'no table is cut off on paper');
  await page.context().close();
});

test('the printable report is an A4 document with every theme on its own pages', async () => {
  const page = await newPage();
  await page.goto(base + '/nl/zones/elz-zennevallei/atlas/report');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.ok(pdf.length > 10000, 'a PDF comes out');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 5, `one or more pages per theme (got ${pages})`);
  await page.context().close();
});

test('the social map prints as an A4 list with a QR code per service and without the search form', async () => {
  const page = await newPage();
  await page.goto(base + '/nl/social-map/print?theme=drinking_water');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.repertory__item').count(), 12);
  assert.equal(await page.locator('.repertory__qr svg').count(), 12);
  assert.equal(await page.locator('.language-switch').isVisible(), false);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 4, `12 services on a few A4 pages (got ${pages})`);
  await page.context().close();
});

test('with JavaScript the search shows every match on a clustered map, and the list stays', async () => {
  const page = await newPage();
  await page.goto(base + '/nl/social-map?theme=drinking_water');
  await page.waitForSelector('#results-map[data-ready]');
  assert.equal(await page.locator('#results-map').getAttribute('data-ready'), '12');
  assert.ok(await page.locator('#results-map .leaflet-marker-icon').count() >= 1, 'markers or clusters are drawn');
  assert.equal(await page.locator('.result-list .result').count(), 12);
  await expectNoAxeViolations(page, 'social map with its map');
  await page.context().close();
});

test('with JavaScript a service page shows its place on a map, under its address', async () => {
  const page = await newPage();
  await page.goto(base + '/fr/social-map/services/demo-social-service-23027');
  await page.waitForSelector('#results-map[data-ready]');
  assert.equal(await page.locator('#results-map').getAttribute('data-ready'), '1');
  assert.equal(await page.locator('#results-map .leaflet-marker-icon').count(), 1);
  await expectNoAxeViolations(page, 'service page with its map');
  await page.context().close();
});

test('without JavaScript the map stays hidden and nothing is missing', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + '/nl/social-map?theme=drinking_water');
  assert.equal(await page.locator('#results-map').isVisible(), false);
  assert.equal(await page.locator('.result-list .result').count(), 12);
  await page.context().close();
});

test('a keyboard-only user searches the social map, filters it and opens a service', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + '/nl/social-map');
  await page.keyboard.press('Tab');  // The skip link.
  await page.keyboard.press('Enter');
  // Tab to the search field, type as people do, and send the form with Enter.
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement.id)) !== 'q'; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('geisoleerd');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=geisoleerd/);
  assert.match(await page.locator('#results-heading').textContent(), /^12 plaatsen gevonden$/);
  // Tick Halle's box with the space bar and apply the filters.
  await page.locator('#area-23027').focus();
  await page.keyboard.press('Space');
  await page.locator('button', { hasText: 'Filters toepassen' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/area=23027/);
  assert.match(await page.locator('#results-heading').textContent(), /^1 plaats gevonden$/);
  await page.locator('.result-list a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/nl\/social-map\/services\/demo-service-centre-23027$/);
  assert.equal(await page.locator('h1').textContent(), 'Lokaal dienstencentrum Halle');
  await page.context().close();
});

test('pages fit a small phone screen without sideways scrolling', async () => {
  const page = await newPage({ viewport: { width: 320, height: 640 } });
  for (const target of ['/nl/social-map?q=ocmw', '/fr/social-map/services/demo-social-service-21007', '/nl/', '/fr/zones/elz-zennevallei', '/nl/accessibility', '/nl/zones/elz-zennevallei/atlas', '/fr/zones/elz-zennevallei/atlas/grey_pressure', '/nl/areas/23027/atlas', '/nl/zones/zorgzone-noord/atlas', '/fr/zones/zorgzone-noord/atlas/origin_maghreb']) {
    await page.goto(base + target);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${target} is ${overflow}px too wide at 320px`);
  }
  await page.context().close();
});

test('the zone page prints without the language switch and keeps its table', async () => {
  const page = await newPage();
  await page.goto(base + '/nl/zones/elz-zennevallei');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.language-switch').isVisible(), false);
  assert.equal(await page.locator('table').isVisible(), true);
  await page.context().close();
});

test('a user signs in without JavaScript, sees their account, and signs out', async () => {
  const email = process.env.ZONEATLAS_TEST_EMAIL;
  const password = process.env.ZONEATLAS_TEST_PASSWORD;
  assert.ok(email && password, 'scripts/browser-tests.sh creates a test account');
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + '/fr/zones/elz-zennevallei');
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  assert.ok(page.url().endsWith('/fr/account'));
  assert.equal(await page.locator('h1').textContent(), 'Mon compte');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  assert.ok(page.url().endsWith('/fr/'));
  await page.context().close();
});

test('the account page has no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EMAIL);
  await expectNoAxeViolations(page, '/nl/account');
  await page.goto(base + '/fr/account');
  await expectNoAxeViolations(page, '/fr/account');
  await page.goto(base + '/nl/login');
  await page.getByLabel('E-mailadres').fill('nobody@example.org');
  await page.getByLabel('Wachtwoord').fill('not the password at all');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  assert.match(await page.getByRole('alert').textContent(), /klopt niet/);
  await expectNoAxeViolations(page, 'sign-in error');
  await page.context().close();
});

test('the users page has no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_ADMIN_EMAIL);
  await page.getByRole('link', { name: 'Gebruikers beheren' }).click();
  await expectNoAxeViolations(page, '/nl/admin/users');
  await page.goto(base + '/fr/admin/users');
  await expectNoAxeViolations(page, '/fr/admin/users');
  await page.getByRole('link', { name: process.env.ZONEATLAS_TEST_EDITOR_EMAIL, exact: true }).click();
  await expectNoAxeViolations(page, 'a user\'s page');
  await page.goto(base + '/fr/admin/users');
  await page.getByRole('link', { name: /^Historique/ }).first().click();
  assert.match(await page.locator('.history').textContent(), /Créé/);
  await expectNoAxeViolations(page, 'an account\'s history');
  await page.goto(base + '/nl/admin/tokens');
  await page.getByLabel('Organisatie').fill('ocmw-halle');
  await page.getByRole('button', { name: 'Sleutel uitgeven' }).click();
  assert.match(await page.locator('.secret').textContent(), /^zat_[0-9a-f]{64}$/);
  await expectNoAxeViolations(page, '/nl/admin/tokens with a new key');
  await page.goto(base + '/fr/admin/tokens');
  await expectNoAxeViolations(page, '/fr/admin/tokens');
  await page.context().close();
});

test('a zone editor finds the zone history from their account; it has no WCAG 2.1 A/AA violations', async () => {
  const page = await newPage();
  await signIn(page, 'fr', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.getByRole('link', { name: 'Modifications de la zone elz-zennevallei' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Modifications de Zone de première ligne Zennevallei');
  assert.match(await page.locator('.history').textContent(), /Créé/);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/history');
  await page.goto(base + '/nl/areas/23064/history');
  await expectNoAxeViolations(page, '/nl/areas/23064/history');
  await page.context().close();
});

test('a zone editor uploads a spreadsheet, sees it checked, and imports it, without JavaScript', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.getByRole('link', { name: 'Cijfers importeren' }).click();
  await page.getByLabel(/Bestand/).setInputFiles({
    name: 'tandarts.csv', mimeType: 'text/csv',
    buffer: Buffer.from('gemeente;indicator;2025\nHalle;dental_visit;61,5\nBeersel;dental_visit;64\n'),
  });
  await page.getByLabel('Bron', { exact: true }).fill('IMA-Atlas, tandartsbezoek 2025');
  await page.getByRole('button', { name: 'Controleren' }).click();
  assert.match(await page.locator('main').textContent(), /2 cijfers/);
  await page.getByRole('button', { name: 'Importeren' }).click();
  assert.match(await page.getByRole('status').textContent(), /De cijfers zijn geïmporteerd/);
  await page.getByRole('link', { name: 'Geïmporteerde cijfers' }).click();
  assert.match(await page.locator('table').textContent(), /IMA-Atlas, tandartsbezoek 2025/);
  await page.context().close();
});

test('with JavaScript, an upload shows its progress, then the checked file as without it', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.goto(`${base}/nl/atlas/import`);
  // Held back for a moment, as on a slow connection, so that the display can be seen.
  await page.route('**/nl/atlas/import', async (route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByLabel(/Bestand/).setInputFiles({
    name: 'screening.csv', mimeType: 'text/csv',
    buffer: Buffer.from('gemeente;indicator;2025\nHalle;screen_breast;51\nBeersel;screen_breast;55\n'),
  });
  await page.getByRole('button', { name: 'Controleren' }).click();
  const progress = page.getByRole('status');
  await progress.waitFor();
  assert.match(await progress.textContent(), /verzenden|gecontroleerd/);
  assert.equal(await page.getByRole('button', { name: 'Controleren' }).isDisabled(), true, 'no second click');
  await page.getByRole('button', { name: 'Importeren' }).waitFor();
  assert.match(await page.locator('main').textContent(), /2 cijfers/);
  assert.match(page.url(), /\/nl\/atlas\/import$/);
  await page.context().close();
});

test('a Wijkmonitoring export: columns the atlas does not know are named one by one, and the pages have no WCAG 2.1 A/AA violations', async () => {
  // Two Brussels monitoring districts, as `zoneatlas import areas UrbAdm_MONITORING_DISTRICT.gpkg` makes them.
  execFileSync('sqlite3', [process.env.ZONEATLAS_TEST_DATABASE,
    `INSERT OR IGNORE INTO areas (code, kind, name_nl, name_fr, name_en, parent_code, valid_from) VALUES
       ('mdrc-002', 'neighbourhood', 'Dansaert', 'Dansaert', 'Dansaert', '04000', '2015-10-05'),
       ('mdrc-008', 'neighbourhood', 'Marollen', 'Marolles', 'Marollen', '04000', '2015-10-05')`]);
  const leefloon = 'Aandeel begunstigden van een OCMW-inkomen (leefloon of equivalent) in de bevolking';
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_ADMIN_EMAIL);
  const texts = {
    nl: [/Bestand/, 'Controleren', 'Indicator in deze kolom', 'Kolom als deze indicator lezen', 'Importeren', /(\d+) cijfers/, /geïmporteerd/],
    fr: [/Fichier/, 'Vérifier', 'Indicateur dans cette colonne', 'Lire la colonne comme cet indicateur', 'Importer', /(\d+) chiffres/, /importés/],
  };
  for (const [year, language] of [['2023', 'nl'], ['2024', 'fr']]) {
    const [file, check, indicator, readAs, confirm, figures, imported] = texts[language];
    await page.goto(`${base}/${language}/atlas/import`);
    await page.getByLabel(file).setInputFiles({
      name: 'wijkmonitoring.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`,Gebied,Totale bevolking,${leefloon}\n,,Aantal inwoners,%\n,,${year},${year}\n` +
        '8,Marollen,12269,12.35\n2,Dansaert,9044,4.9\n'),
    });
    await page.getByRole('button', { name: check }).click();
    await page.getByLabel(indicator).waitFor();
    assert.equal((await page.locator('main').textContent()).match(figures)[1], '2', 'the population only');
    await expectNoAxeViolations(page, `${language} upload with a column to name`);
    await expectFitsPhone(page, `${language} upload with a column to name`);
    await page.getByLabel(language === 'nl' ? 'Kolom' : 'Colonne', { exact: true }).selectOption(leefloon);
    await page.getByLabel(indicator).selectOption('leefloon');
    await page.getByRole('button', { name: readAs }).click();
    await page.getByRole('button', { name: confirm, exact: true }).waitFor();
    assert.equal((await page.locator('main').textContent()).match(figures)[1], '4', 'and now the leefloon share');
    assert.match(await page.locator('main').textContent(), new RegExp(`${leefloon.slice(0, 20)}.* → `));
    assert.equal(await page.getByLabel(indicator).count(), 0, 'no column left to name');
    await expectNoAxeViolations(page, `${language} upload with its column named`);
    await page.getByRole('button', { name: confirm, exact: true }).click();
    assert.match(await page.getByRole('status').textContent(), imported);
  }
  // Read per 1,000 inhabitants, as the atlas's leefloon indicator is.
  const answer = await page.request.get(`${base}/api/v1/observations?indicator=leefloon&area=mdrc-008`);
  const stored = JSON.stringify(await answer.json());
  assert.match(stored, /"period":"2023"/, stored);
  assert.match(stored, /"value":123\.5\b/, stored);
  await page.context().close();
});

test('the import and batch pages have no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'fr', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  for (const target of ['/fr/atlas/import', '/nl/atlas/import', '/fr/atlas/batches', '/nl/atlas/batches']) {
    await page.goto(base + target);
    await expectNoAxeViolations(page, target);
  }
  // And every state of an upload: problems found, ready to confirm, imported.
  // With JavaScript the answer replaces the page once it has come back, so each step waits
  // for what the answer shows.
  const upload = async (language, label, button, content, answer) => {
    await page.goto(`${base}/${language}/atlas/import`);
    await page.getByLabel(label).setInputFiles({ name: 'cijfers.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.getByRole('button', { name: button }).click();
    await answer.first().waitFor();
  };
  const labels = { nl: [/Bestand/, 'Controleren', 'Importeren'], fr: [/Fichier/, 'Vérifier', 'Importer'] };
  for (const language of ['nl', 'fr']) {
    const [label, check, confirm] = labels[language];
    const confirmButton = page.getByRole('button', { name: confirm, exact: true });
    // 1,005 figures that are not numbers: the page lists the first thousand problems and
    // counts the rest.
    const notNumbers = Array.from({ length: 1005 }, (_, i) => `Halle;gmd_coverage;veel${i}\n`).join('');
    await upload(language, label, check, `gemeente;indicator;2026\n${notNumbers}Atlantis;gmd_coverage;70\n`,
      page.getByRole('alert'));
    assert.equal(await confirmButton.count(), 0, 'a file with problems cannot be imported');
    assert.equal(await page.locator('#problems-caption + thead + tbody tr').count(), 1000);
    assert.match(await page.locator('main').textContent(),
      language === 'nl' ? /\d+ andere problemen staan niet in deze lijst/ : /\d+ autres problèmes ne sont pas dans cette liste/);
    await expectFitsPhone(page, `${language} upload with a thousand problems`);
    await expectNoAxeViolations(page, `${language} upload with problems`);
    await upload(language, label, check, 'gemeente;indicator;2026\nHalle;gmd_coverage;71\n', confirmButton);
    await expectNoAxeViolations(page, `${language} upload ready to confirm`);
    await confirmButton.click();
    await page.getByRole('status').waitFor();
    await expectNoAxeViolations(page, `${language} upload imported`);
  }
  await page.context().close();
});

test('a zone editor finds the services to check; the list has no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  for (const target of ['/nl/social-map/to-verify', '/fr/social-map/to-verify']) {
    await page.goto(base + target);
    assert.ok(await page.locator('tbody tr').count() > 0, `${target} lists the zone's stale services`);
    await expectNoAxeViolations(page, target);
  }
  await page.context().close();
});

// Fills in and sends the community resource form (already open on `page`, in Dutch): a
// free drinking water point in Halle, open on Mondays from 08:00 until `closes`.
async function proposeWaterPoint(page, name, street, closes) {
  await page.getByLabel('Naam in het Nederlands').fill(name);
  await page.getByLabel('In eenvoudige taal, Nederlands').fill('Hier tapt u gratis drinkwater.');
  await page.getByLabel('Drinkwaterpunten').check();
  await page.getByLabel('Straat en nummer').fill(street);
  await page.getByLabel('Postcode').fill('1500');
  await page.getByLabel('Gemeente of deelgemeente').fill('Halle');
  await page.getByLabel('In welke gemeente ligt de plek?').selectOption('23027');
  await page.locator('#area-23027').check();
  await page.getByLabel('Van').first().fill('08:00');
  await page.getByLabel('Tot').first().fill(closes);
  await page.getByRole('button', { name: 'Versturen' }).click();
}

test('without JavaScript, a professional proposes a water point and the zone editor publishes it', async () => {
  const professional = await newPage({ javaScriptEnabled: false });
  await signIn(professional, 'nl', process.env.ZONEATLAS_TEST_EMAIL);
  await professional.goto(`${base}/nl/social-map`);
  await professional.getByRole('link', { name: 'Buurtinitiatief voorstellen' }).first().click();
  await proposeWaterPoint(professional, 'Waterkraan buurthuis De Linde', 'Lindestraat 12', '20:00');
  assert.match(await professional.getByRole('status').textContent(), /Wacht op nakijken/);
  const proposal = professional.url();
  await professional.context().close();

  const editor = await newPage({ javaScriptEnabled: false });
  await signIn(editor, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await editor.goto(`${base}/nl/social-map/review`);
  await editor.getByRole('link', { name: 'Waterkraan buurthuis De Linde' }).click();
  assert.equal(editor.url(), proposal);
  assert.match(await editor.locator('table.side-by-side').textContent(), /Lindestraat 12, 1500 Halle/);
  await editor.getByRole('button', { name: 'Publiceren' }).click();
  assert.match(await editor.getByRole('status').textContent(), /Gepubliceerd/);
  await editor.goto(`${base}/nl/social-map?q=waterkraan`);
  assert.match(await editor.locator('main').textContent(), /Waterkraan buurthuis De Linde/);
  await editor.context().close();
});

test('a proposal that no longer fits the social map says so, cannot be published, and has no WCAG 2.1 A/AA violations', async () => {
  const professional = await newPage({ javaScriptEnabled: false });
  await signIn(professional, 'nl', process.env.ZONEATLAS_TEST_EMAIL);
  await professional.goto(`${base}/nl/social-map/propose`);
  await proposeWaterPoint(professional, 'Waterkraan sporthal Den Blok', 'Sportlaan 3', '21:30');
  const proposal = new URL(professional.url()).pathname.split('/').pop();
  // As a proposal kept from an older version would be: hours that close when they open,
  // which the forms once let through.
  execFileSync('sqlite3', [process.env.ZONEATLAS_TEST_DATABASE,
    `UPDATE sm_proposals SET proposed = replace(proposed, '"21:30"', '"08:00"') WHERE id = '${proposal}'`]);
  await professional.context().close();

  const editor = await newPage();
  await signIn(editor, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  const texts = { nl: [/past niet meer bij de sociale kaart/, 'Publiceren'], fr: [/ne correspond plus à la carte sociale/, 'Publier'] };
  for (const language of ['nl', 'fr']) {
    const [notice, publish] = texts[language];
    // The zone editor of Halle still finds it in the queue, by the name it was given.
    await editor.goto(`${base}/${language}/social-map/review`);
    await editor.getByRole('link', { name: 'Waterkraan sporthal Den Blok' }).click();
    assert.match(editor.url(), new RegExp(`/social-map/review/${proposal}$`));
    assert.match(await editor.getByRole('alert').textContent(), notice);
    assert.equal(await editor.getByRole('button', { name: publish, exact: true }).count(), 0);
    await expectNoAxeViolations(editor, `/${language}/social-map/review/… that no longer reads`);
    await expectFitsPhone(editor, `/${language}/social-map/review/… that no longer reads`);
  }
  await editor.context().close();
});

test('the editing pages have no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'fr', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  for (const language of ['nl', 'fr']) {
    const service = `/${language}/social-map/services/demo-social-service-23027`;
    for (const target of [service, `${service}/edit`, `${service}/report`, `/${language}/social-map/propose`,
      `/${language}/social-map/organizations/ocmw-23027/new-service`, `/${language}/social-map/review`]) {
      await page.goto(base + target);
      await expectNoAxeViolations(page, target);
    }
    // A form sent back with problems, and a proposal beside the record as it is.
    await page.goto(`${base}${service}/edit`);
    await page.locator('#name_nl').fill('');
    await page.locator('#name_fr').fill('');
    await page.locator('#email').fill('geen-adres');
    await page.locator('button[type="submit"]').first().click();
    assert.equal(await page.getByRole('alert').count() > 0, true, 'the problems are announced');
    await expectNoAxeViolations(page, `${service}/edit with problems`);
    await page.goto(`${base}${service}/report`);
    await page.locator('#message').fill(language === 'nl' ? 'De dienst verhuist in januari.' : 'Le service déménage en janvier.');
    await page.locator('button[type="submit"]').first().click();
    await expectNoAxeViolations(page, `${language} proposal page`);
  }
  await page.context().close();
});

test('without JavaScript, a citizen screens their rights and prints a flyer', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(`${base}/nl/rights`);
  await page.getByRole('link', { name: 'Kijk welke rechten je waarschijnlijk hebt' }).first().click();
  await page.getByLabel('Postcode van je woonplaats').fill('1500');
  await page.getByLabel('Je leeftijd').fill('40');
  await page.getByLabel('Je inkomen van vorig jaar, bruto, in euro').fill('14.000');
  await page.getByLabel('Waarvan leef je vooral?').selectOption('work');
  await page.getByLabel('huurt een woning van een privé-eigenaar').check();
  // A social worker checks the figures of mid-2024, the last ones the catalog knows.
  await page.getByText('Voor hulpverleners: screenen op een andere datum').click();
  await page.getByLabel('Datum van de screening').fill('2024-06-01');
  await page.getByRole('button', { name: 'Toon mijn rechten' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Je rechten');
  assert.match(await page.locator('main').textContent(), /Verhoogde tegemoetkoming/);
  await page.getByRole('button', { name: 'Maak een blad om mee te nemen' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Mijn rechten: wat ik ga vragen');
  assert.match(await page.locator('main').textContent(), /je ziekenfonds/);
  await page.context().close();
});

test('the rights pages, the questionnaire, its result and the flyer have no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  const labels = {
    nl: ['Je leeftijd', 'Je inkomen van vorig jaar, bruto, in euro', 'Toon mijn rechten', 'Maak een blad om mee te nemen',
      'Postcode van je woonplaats', 'Pakket voor een hulpverlener'],
    fr: ['Votre âge', 'Vos revenus de l\'an dernier, bruts, en euros', 'Voir mes droits', 'Faire une feuille à emporter',
      'Code postal de votre domicile', 'Dossier pour un accompagnant'],
  };
  for (const language of ['nl', 'fr']) {
    const [age, income, submit, flyer, postcode, pack] = labels[language];
    for (const target of [`/${language}/rights`, `/${language}/rights/verhoogde_tegemoetkoming`, `/${language}/rights/screen`]) {
      await page.goto(base + target);
      await expectNoAxeViolations(page, target);
    }
    await page.getByLabel(age).fill('140');
    await page.getByRole('button', { name: submit }).click();
    await page.getByRole('alert').waitFor();
    await expectNoAxeViolations(page, `${language} questionnaire with a problem`);
    await page.getByLabel(age).fill('72');
    await page.getByLabel(income).fill('15000');
    await page.getByRole('button', { name: submit }).click();
    await page.getByRole('button', { name: flyer }).waitFor();
    await expectNoAxeViolations(page, `${language} screening result`);
    await page.getByRole('button', { name: flyer }).click();
    await page.locator('.flyer').waitFor();
    await expectNoAxeViolations(page, `${language} flyer`);
    // The helper pack: the nearest offices from the social map, on a small map.
    await page.goto(`${base}/${language}/rights/screen`);
    await page.getByLabel(age).fill('40');
    await page.getByLabel(income).fill('12000');
    await page.getByLabel(postcode).fill('1500');
    await page.getByRole('button', { name: submit }).click();
    await page.getByRole('button', { name: pack }).click();
    await page.locator('.flyer').waitFor();
    await expectNoAxeViolations(page, `${language} helper pack`);
    // What cannot be told yet comes with the few questions that would settle it.
    await page.goto(`${base}/${language}/rights/screen`);
    await page.getByLabel(age).fill('35');
    await page.getByRole('button', { name: submit }).click();
    await page.locator('#more-heading').waitFor();
    await expectNoAxeViolations(page, `${language} result with the questions that settle it`);
  }
  await page.context().close();
});

test('a zone editor keeps the rights figures current; the page has no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.getByRole('link', { name: 'Bedragen van de rechten bijwerken' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Bedragen en grenzen bijwerken');
  await expectNoAxeViolations(page, '/nl/rights/figures');
  await page.getByLabel('Bedrag', { exact: true }).fill('veel');
  await page.getByLabel(/^Vanaf/).fill('2026-03-01');
  await page.getByLabel(/^Zeker tot en met/).fill('2026-12-31');
  await page.getByLabel('Bron', { exact: true }).fill('https://www.mi-is.be/');
  await page.getByRole('button', { name: 'Voorstellen' }).click();
  await page.getByRole('alert').first().waitFor();
  await expectNoAxeViolations(page, '/nl/rights/figures with problems');
  await page.goto(`${base}/fr/rights/figures`);
  await expectNoAxeViolations(page, '/fr/rights/figures');
  await page.context().close();
});

test('a professional finds a French-speaking GP and makes a referral slip; the pages have no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await page.goto(`${base}/nl/zones/elz-zennevallei`);
  await page.getByRole('link', { name: 'Zorgverleners', exact: true }).click();
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/providers');
  await page.getByLabel('Beroep').selectOption('huisarts');
  await page.getByLabel('Gesproken taal').selectOption('fr');
  await page.getByRole('button', { name: 'Toon' }).click();
  const names = await page.locator('.card__title').allTextContents();
  assert.ok(names.some((name) => name.includes('Dr. Marc Essai')));
  assert.ok(!names.some((name) => name.includes('Dr. Sofie Proef')));
  assert.equal(await page.getByText('02 000 00 03').count(), 0, 'no phone numbers for the public');
  await page.goto(`${base}/fr/zones/zorgzone-noord-oost/providers`);
  await expectNoAxeViolations(page, '/fr/zones/zorgzone-noord-oost/providers');
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.goto(`${base}/nl/zones/elz-zennevallei/providers?profession=huisarts`);
  assert.ok((await page.getByRole('link', { name: '02 000 00 03' }).count()) > 0, 'phone numbers for professionals');
  await page.goto(`${base}/nl/zones/elz-zennevallei/referral-routes`);
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/referral-routes');
  await page.getByRole('link', { name: 'Energieschuld' }).click();
  await expectNoAxeViolations(page, 'the energy debt route with the slip form');
  await page.getByLabel('Volgende stap').fill('Bel maandag voor een afspraak.');
  await page.getByLabel(/ontvangstlink/).check();
  await page.getByRole('button', { name: 'Briefje maken' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Verwijsbriefje');
  await expectNoAxeViolations(page, 'the referral slip');
  const link = await page.locator('.slip code').textContent();
  await page.goto(link);
  await expectNoAxeViolations(page, 'the acknowledgement page');
  await page.getByRole('button', { name: 'Gezien' }).click();
  await page.getByRole('status').waitFor();
  await page.goto(`${base}/fr/zones/zorgzone-noord-oost/referral-routes/isolement-aine`);
  await expectNoAxeViolations(page, '/fr/… referral route');
  // The same in French: the routes, a slip and its acknowledgement page.
  await page.goto(`${base}/fr/zones/zorgzone-noord-oost/referral-routes`);
  await expectNoAxeViolations(page, '/fr/zones/zorgzone-noord-oost/referral-routes');
  await page.goto(`${base}/fr/zones/zorgzone-noord-oost/referral-routes/isolement-aine`);
  await page.getByLabel(/lien d’accusé/).check();
  await page.getByRole('button', { name: 'Faire la fiche' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Fiche d’orientation');
  await expectNoAxeViolations(page, 'the referral slip in French');
  await page.goto(await page.locator('.slip code').textContent());
  await expectNoAxeViolations(page, 'the acknowledgement page in French');
  // The zone's editor adds a provider, consent first.
  await page.goto(`${base}/nl/zones/elz-zennevallei/providers`);
  await expectNoAxeViolations(page, 'the directory as its zone editor sees it, with its forms');
  await page.getByRole('link', { name: 'Een zorgverlener toevoegen' }).click();
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/providers/new');
  await page.getByLabel('Naam (of de praktijk)').fill('Mira Vroedvrouw');
  await page.getByLabel('Beroep').selectOption('vroedvrouw');
  await page.getByLabel('Telefoon').fill('02 000 00 99');
  await page.getByLabel(/^Datum van de toestemming/).fill('2026-11-31');
  await page.getByLabel(/^Hoe de toestemming/).fill('e-mail');
  await page.getByLabel(/gaf toestemming/).check();
  await page.getByRole('button', { name: 'Zorgverlener bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the provider form with a problem');
  await page.getByLabel(/^Datum van de toestemming/).fill('2026-11-02');
  await page.getByRole('button', { name: 'Zorgverlener bewaren' }).click();
  await page.getByRole('status').waitFor();
  assert.ok((await page.locator('.card__title').allTextContents()).some((name) => name.includes('Mira Vroedvrouw')));
  // Her details change: the editor updates them on her renewed consent.
  await page.getByRole('link', { name: 'Gegevens bijwerken: Mira Vroedvrouw' }).click();
  await expectNoAxeViolations(page, 'the provider edit form');
  assert.equal(await page.getByLabel('Telefoon').inputValue(), '02 000 00 99');
  await page.getByLabel('Telefoon').fill('02 000 00 98');
  await page.getByLabel(/gaf toestemming/).check();
  await page.getByRole('button', { name: 'Zorgverlener bewaren' }).click();
  await page.getByRole('status').waitFor();
  assert.ok((await page.locator('#main').textContent()).includes('02 000 00 98'));
  await page.getByRole('button', { name: 'Uit het overzicht halen: Mira Vroedvrouw' }).click();
  await page.getByRole('status').waitFor();
  assert.ok(!(await page.locator('.card__title').allTextContents()).some((name) => name.includes('Mira Vroedvrouw')));
  await page.goto(`${base}/fr/zones/elz-zennevallei/providers/new`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/providers/new');
  await page.goto(`${base}/fr/zones/elz-zennevallei/providers/demo-ha-halle-1/edit`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/providers/…/edit');
  // A referral route written step by step.
  await page.goto(`${base}/nl/zones/elz-zennevallei/referral-routes`);
  await page.getByRole('link', { name: 'Een doorverwijsroute toevoegen' }).click();
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/referral-routes/new');
  await page.getByLabel('De vraag, zoals mensen ze stellen').fill('Schulden bij de huur');
  await page.locator('#step0_what').fill('Bekijkt het budget.');
  await page.getByRole('button', { name: 'Route bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the referral route form with a problem');
  await page.locator('#step0_service').fill('OCMW — sociale dienst');
  await page.locator('#step0_rights').selectOption(['huurpremie', 'leefloon']);
  await page.getByRole('button', { name: 'Route bewaren' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Schulden bij de huur');
  assert.ok((await page.locator('ol.steps').textContent()).includes('Leefloon'));
  await page.goto(`${base}/fr/zones/elz-zennevallei/referral-routes/energieschuld/edit`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/referral-routes/…/edit');
  await page.context().close();
});

test('a zone editor proposes a change to a right\'s rules; the pages have no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.getByRole('link', { name: 'Regels van de rechten bijwerken' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Regels van de rechten bijwerken');
  await expectNoAxeViolations(page, '/nl/rights/rules');
  await page.getByRole('link', { name: 'Leefloon', exact: true }).click();
  const definition = page.getByLabel('De regels van dit recht (JSON)');
  const text = await definition.inputValue();
  assert.ok(text.includes('"id": "leefloon"'));
  await expectNoAxeViolations(page, '/nl/rights/rules/leefloon/edit');
  await definition.fill(text.replace('couple.recent_income < leefloon_jaar', 'couple.recent_incme < leefloon_jaar'));
  await page.getByRole('button', { name: 'Ter nazicht voorleggen' }).click();
  await page.getByRole('alert').waitFor();
  assert.ok((await page.getByRole('alert').textContent()).includes('couple.recent_incme'));
  await expectNoAxeViolations(page, '/nl/rights/rules/leefloon/edit with problems');
  await definition.fill(text.replace('voor wie te weinig geld heeft', 'als je te weinig geld hebt'));
  await page.getByRole('button', { name: 'Ter nazicht voorleggen' }).click();
  await page.getByRole('status').waitFor();
  assert.ok((await page.locator('pre.diff ins').first().textContent()).includes('als je te weinig geld hebt'));
  await expectNoAxeViolations(page, '/nl/rights/rules with a change to review');
  await page.goto(`${base}/fr/rights/rules`);
  await expectNoAxeViolations(page, '/fr/rights/rules');
  await page.goto(`${base}/fr/rights/rules/leefloon/edit`);
  await expectNoAxeViolations(page, '/fr/rights/rules/leefloon/edit');
  await page.context().close();
});

test('a zone editor records a meeting and its signal; the pages have no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.goto(`${base}/nl/zones/elz-zennevallei/consultations`);
  await page.getByRole('link', { name: 'Een overleg vastleggen' }).first().click();
  assert.equal(await page.locator('h1').textContent(), 'Een overleg vastleggen');
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/consultations/new');
  await page.getByLabel('Titel van het overleg').fill('Werkgroep eenzaamheid');
  await page.getByLabel(/^Datum/).fill('2026-02-31');
  await page.getByRole('button', { name: 'Overleg bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the new meeting with problems');
  await page.getByLabel(/^Datum/).fill('2026-02-03');
  const first = page.getByRole('group', { name: 'Signaal 1' });
  await first.getByLabel('Wat werd gesignaleerd?').fill('Ouderen komen na een ziekenhuisopname niet meer buiten.');
  await first.getByLabel('Ouderen').check();
  await first.getByLabel('Beersel').check();
  await page.getByRole('button', { name: 'Overleg bewaren' }).click();
  await page.getByRole('status').waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Werkgroep eenzaamheid');
  assert.ok((await page.locator('.signal').first().textContent()).includes('Beersel'));
  await expectNoAxeViolations(page, 'a meeting with its editing forms');
  await page.goto(`${base}/fr/zones/elz-zennevallei/consultations/new`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/consultations/new');
  // The editor's own forms in French: a meeting's signal and action line forms, a new working group.
  await page.goto(`${base}/fr/consultations/elz-zennevallei-2024-onderbescherming`);
  await expectNoAxeViolations(page, '/fr/consultations/… with its editing forms');
  await page.goto(`${base}/nl/zones/elz-zennevallei/working-groups`);
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/working-groups with the form');
  await page.goto(`${base}/fr/zones/elz-zennevallei/working-groups`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/working-groups with the form');
  // A working group set up, then a member added on its page.
  await page.goto(`${base}/nl/zones/elz-zennevallei/working-groups`);
  await page.getByLabel('Werkgroep', { exact: true }).fill('Werkgroep onderbescherming');
  await page.getByRole('button', { name: 'Werkgroep bewaren' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkgroep onderbescherming' }).waitFor();
  await expectNoAxeViolations(page, 'a working group with its edit form');
  await page.getByLabel(/^Mensen/).fill('Els Janssens (OCMW Halle)');
  await page.getByRole('button', { name: 'Werkgroep bewaren' }).click();
  assert.ok((await page.locator('dl.facts').textContent()).includes('Els Janssens (OCMW Halle)'));
  await page.goto(page.url().replace('/nl/', '/fr/'));
  await expectNoAxeViolations(page, 'a working group with its edit form in French');
  // An action line reworked: an initiative of the zone carries it out now.
  await page.goto(`${base}/nl/zones/elz-zennevallei/consultations`);
  await page.getByRole('link', { name: /^Actielijn bewerken: Inkomensverhogende rechten eerst/ }).click();
  await expectNoAxeViolations(page, '/nl/action-lines/…/edit');
  await page.getByLabel('Buurtmaaltijden tegen eenzaamheid').check();
  await page.getByRole('button', { name: 'Actielijn bewaren' }).click();
  await page.waitForURL(/#line-al-zennevallei-inkomensrechten$/);
  assert.ok((await page.locator('#line-al-zennevallei-inkomensrechten').locator('xpath=..').textContent()).includes('Buurtmaaltijden tegen eenzaamheid'));
  await page.goto(`${base}/fr/action-lines/al-zennevallei-inkomensrechten/edit`);
  await expectNoAxeViolations(page, '/fr/action-lines/…/edit');
  // A meeting's report corrected; its signals keep their answers.
  await page.goto(`${base}/nl/consultations/elz-zennevallei-2024-buurtzorg`);
  await page.getByRole('link', { name: 'Dit overleg bewerken' }).click();
  await expectNoAxeViolations(page, '/nl/consultations/…/edit');
  await page.getByLabel(/^Aantal deelnemers/).fill('veel');
  await page.getByRole('button', { name: 'Overleg bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the meeting edit form with a problem');
  assert.equal((await page.goto(`${base}/fr/consultations/zz-zuid-2025-gg/edit`)).status(), 403, 'another zone');
  await page.goto(`${base}/fr/consultations/elz-zennevallei-2024-buurtzorg/edit`);
  await expectNoAxeViolations(page, '/fr/consultations/…/edit');
  await page.context().close();
});

test('the calendar page links its selection as a feed that a real iCalendar parser reads, in Belgian time across the change of clock', async () => {
  const page = await newPage();
  await page.goto(`${base}/nl/agenda?view=list&from=2027-03-01&area=23027&theme=digital_help`);
  const href = await page.getByRole('link', { name: 'Deze selectie als agendabestand (.ics)' }).getAttribute('href');
  assert.equal(href, '/api/v1/agenda.ics?theme=digital_help&area=23027');
  const response = await fetch(base + href);
  assert.equal(response.status, 200);
  const parsed = ical.sync.parseICS(await response.text());
  const events = Object.values(parsed).filter((item) => item.type === 'VEVENT');
  assert.equal(events.length, 1);
  const walkIn = events[0];
  assert.equal(walkIn.summary, 'Digitaal inloopmoment in de bibliotheek');
  // 10:00 in Brussels is 08:00 UTC in summer time and 09:00 UTC in winter.
  assert.equal(walkIn.start.toISOString(), '2026-09-01T08:00:00.000Z');
  const march = walkIn.rrule.between(new Date('2027-03-20T00:00:00Z'), new Date('2027-04-03T00:00:00Z'), true)
    .map((date) => new Date(date).toISOString());
  assert.deepEqual(march, ['2027-03-23T09:00:00.000Z', '2027-03-30T08:00:00.000Z']);
  await page.context().close();
});

test('a zone editor adds a campaign; the form has no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.goto(`${base}/nl/agenda`);
  await page.getByRole('link', { name: 'Een campagne toevoegen' }).click();
  await expectNoAxeViolations(page, '/nl/agenda/campaigns/new');
  await page.getByLabel('Naam in het Nederlands').fill('Borstkankermaand 2027');
  await page.getByLabel('Naam in het Frans').fill('Octobre rose 2027');
  await page.getByLabel('Thema', { exact: true }).selectOption('prevention_screening');
  await page.getByLabel(/^Eerste dag/).fill('2027-10-31');
  await page.getByLabel(/^Laatste dag/).fill('2027-10-01');
  await page.getByRole('button', { name: 'Campagne bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the campaign form with a problem');
  await page.getByLabel(/^Eerste dag/).fill('2027-10-01');
  await page.getByLabel(/^Laatste dag/).fill('2027-10-31');
  await page.getByLabel(/^Indicator in de atlas/).selectOption('screen_breast');
  await page.getByRole('button', { name: 'Campagne bewaren' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Borstkankermaand 2027');
  await page.getByRole('link', { name: 'Deze campagne bewerken' }).click();
  await expectNoAxeViolations(page, 'the campaign edit form');
  await page.goto(`${base}/fr/agenda/campaigns/new`);
  await expectNoAxeViolations(page, '/fr/agenda/campaigns/new');
  await page.context().close();
});

test('a zone editor adds an activity after seeing what it collides with; the form has no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.goto(`${base}/nl/agenda`);
  await page.getByRole('link', { name: /Een activiteit toevoegen voor/ }).click();
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/agenda/new');
  await page.getByLabel('Naam van de activiteit').fill('Sociale kruidenier: proeverij');
  await page.getByLabel('Thema', { exact: true }).selectOption('food');
  await page.getByLabel('Gemeente').selectOption('23077');
  await page.getByLabel(/^Dag/).fill('2027-01-02');
  await page.getByLabel(/^Van/).fill('10:00');
  await page.getByLabel(/^Tot \(/).fill('11:30');
  await page.getByLabel('Mensen met een laag inkomen').check();
  await page.getByRole('button', { name: 'Activiteit bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the activity form with a collision to confirm');
  await page.getByLabel('Ik heb deze activiteiten gezien en wil toch bewaren').check();
  await page.getByRole('button', { name: 'Activiteit bewaren' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Sociale kruidenier: proeverij');
  // Edited, then removed once the editor ticks that they mean it.
  await page.getByRole('link', { name: 'Deze activiteit bewerken' }).click();
  await expectNoAxeViolations(page, 'the activity edit form');
  assert.equal(await page.getByLabel('Naam van de activiteit').inputValue(), 'Sociale kruidenier: proeverij');
  await page.getByRole('button', { name: 'Activiteit schrappen' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the activity edit form with a problem');
  await page.getByLabel(/Ja, schrap deze activiteit/).check();
  await page.getByRole('button', { name: 'Activiteit schrappen' }).click();
  await page.waitForURL(/\/nl\/agenda\?zone=elz-zennevallei$/);
  await page.goto(`${base}/fr/agenda/events/netwerk-zennevallei/edit`);
  await expectNoAxeViolations(page, '/fr/agenda/events/…/edit');
  await page.goto(`${base}/fr/zones/elz-zennevallei/agenda/new`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/agenda/new');
  await page.context().close();
});

test('a zone editor adds a plan goal, edits an initiative and links it to the goal; the forms have no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  // A new goal in the zone's plan first.
  await page.goto(`${base}/nl/zones/elz-zennevallei/plan`);
  await page.getByRole('link', { name: 'Een doel toevoegen' }).click();
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/plan/goals/new');
  await page.getByLabel('Doel', { exact: true }).fill('Gezonde schoolomgeving');
  await page.getByLabel('Eerste jaar').fill('2030');
  await page.getByLabel('Laatste jaar').fill('2026');
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the goal form with a problem');
  await page.getByLabel('Eerste jaar').fill('2026');
  await page.getByLabel('Laatste jaar').fill('2030');
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  await page.getByRole('heading', { name: /Gezonde schoolomgeving/ }).waitFor();
  await page.getByRole('link', { name: 'Doel bewerken: Gezonde schoolomgeving' }).click();
  await expectNoAxeViolations(page, 'the goal edit form with its remove section');
  await page.goto(`${base}/nl/initiatives/rookvrije-schoolpoort-beersel`);
  await page.getByRole('link', { name: 'Dit initiatief bewerken' }).click();
  await expectNoAxeViolations(page, '/nl/initiatives/…/edit');
  await page.getByLabel(/^Tot/).fill('2020-01-01');
  await page.getByRole('button', { name: 'Initiatief bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the initiative edit form with a problem');
  await page.getByLabel(/^Tot/).fill('');
  await page.getByLabel(/^Budget/).fill('3.500');
  await page.getByLabel('Doel in het meerjarenplan').selectOption({ label: 'Gezonde schoolomgeving' });
  await page.getByRole('button', { name: 'Initiatief bewaren' }).click();
  await page.waitForURL(/\/initiatives\/rookvrije-schoolpoort-beersel$/);
  assert.ok((await page.locator('dl.facts').textContent()).includes('3.500 €'));
  await page.goto(`${base}/nl/zones/elz-zennevallei/plan`);
  assert.ok((await page.locator('section.plan-goal', { hasText: 'Gezonde schoolomgeving' }).textContent()).includes('Rookvrije schoolpoorten'));
  await page.goto(`${base}/fr/initiatives/rookvrije-schoolpoort-beersel/edit`);
  await expectNoAxeViolations(page, '/fr/initiatives/…/edit');
  await page.goto(`${base}/fr/zones/elz-zennevallei/plan/goals/new`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/plan/goals/new');
  await page.context().close();
});

test('a zone editor adds an initiative after seeing the similar ones; the form has no WCAG 2.1 A/AA violations in nl and fr', async () => {
  const page = await newPage();
  await signIn(page, 'nl', process.env.ZONEATLAS_TEST_EDITOR_EMAIL);
  await page.goto(`${base}/nl/zones/elz-zennevallei/initiatives`);
  await page.getByRole('link', { name: 'Een initiatief toevoegen' }).click();
  await expectNoAxeViolations(page, '/nl/zones/elz-zennevallei/initiatives/new');
  await page.getByLabel('Initiatief', { exact: true }).fill('Screeningcafé in Halle');
  await page.getByLabel('Thema', { exact: true }).selectOption('prevention_screening');
  await page.getByLabel('Halle', { exact: true }).check();
  await page.getByLabel(/^Van/).fill('2026-09-01');
  await page.getByRole('button', { name: 'Initiatief bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'the initiative form with similar initiatives');
  await page.getByLabel('Ik heb deze initiatieven gezien en wil toch bewaren').check();
  await page.getByRole('button', { name: 'Initiatief bewaren' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Screeningcafé in Halle');
  // The evaluation, as the initiative runs: a result with a problem, then right, and a story.
  await page.getByLabel('Resultaat', { exact: true }).fill('Bezoekers');
  await page.getByLabel('Bereikt', { exact: true }).fill('veel');
  await page.getByRole('button', { name: 'Resultaat bewaren' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoAxeViolations(page, 'an initiative with its evaluation forms and a problem');
  assert.equal(await page.getByLabel('Resultaat', { exact: true }).inputValue(), 'Bezoekers', 'what was typed stays');
  await page.getByLabel('Bereikt', { exact: true }).fill('64');
  await page.getByRole('button', { name: 'Resultaat bewaren' }).click();
  assert.ok((await page.locator('table').first().textContent()).includes('Bezoekers'));
  await page.getByLabel('Evaluatienotitie of verhaal uit het werkveld').fill('Veel vragen over de thuistest.');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  assert.ok((await page.locator('#notes-heading + p').textContent()).includes('Veel vragen over de thuistest.'));
  await page.goto(`${base}/fr/initiatives/darmkanker-op-maat-zennevallei`);
  await expectNoAxeViolations(page, '/fr/initiatives/… with the evaluation forms');
  await page.goto(`${base}/fr/zones/elz-zennevallei/initiatives/new`);
  await expectNoAxeViolations(page, '/fr/zones/elz-zennevallei/initiatives/new');
  await page.context().close();
});
