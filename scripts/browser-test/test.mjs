// Headless Chromium checks of the dossier web view (see run.sh).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_PATH || '.', 'x.js'));
const { chromium } = require('playwright-core');

const base = process.env.BASE_URL.replace(/\/$/, '');
const shots = process.env.SHOTS;
const expectLavrov = (process.env.EXPECT_LAVROV || '').split(',').filter(Boolean).sort();

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: pageerror ${e.message}`));
const dialogs = [];
page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });

async function visit(url, name) {
  const resp = await page.goto(base + url, { waitUntil: 'load' });
  check(resp && resp.status() === 200, `${name}: HTTP 200 (${url})`);
  const state = await page.evaluate(() => ({
    pwned: window.__dossierPwned,
    scripts: document.querySelectorAll('script').length,
    jsLinks: [...document.querySelectorAll('[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    iframes: document.querySelectorAll('iframe,object,embed,img').length,
  }));
  check(state.pwned === undefined, `${name}: no script from the page ran (marker unset)`);
  check(state.scripts === 0 && state.jsLinks === 0 && state.handlers === 0 && state.iframes === 0,
    `${name}: no script, javascript: link, handler or embedded element in the DOM ${JSON.stringify(state)}`);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

const articleIds = async () => page.$$eval('ol.hits a.title', (as) => as.map((a) => a.getAttribute('href').split('/').pop()));

// Search.
await visit('/', 'home');
await page.fill('input[name=q]', 'Lavrov');
await Promise.all([page.waitForNavigation(), page.click('form.search button[type=submit]')]);
const lavrov = (await articleIds()).sort();
check(JSON.stringify(lavrov) === JSON.stringify(expectLavrov),
  `search "Lavrov" finds seeds 001 and 002 (got ${lavrov.join(',')})`);
check((await page.$$('mark.hl')).length >= 2, 'search: snippets highlight the matches');
await page.screenshot({ path: path.join(shots, 'search-lavrov.png'), fullPage: true });

// A facet link works.
const facet = await page.$('aside.facets a');
if (facet) {
  await Promise.all([page.waitForNavigation(), facet.click()]);
  check((await page.$$('ol.hits li')).length >= 1, 'search: a facet link narrows the results');
}

// The malicious page.
await visit('/?q=Bamako+attaque', 'search-malicious');
const evil = (await articleIds())[0];
check(Boolean(evil), 'the malicious fixture is found');
if (evil) {
  await visit(`/article/${evil}`, 'article-malicious');
  const title = await page.textContent('h1');
  check(title.includes('<script>') || title.includes('</textarea>'), 'malicious title shown as text');
  await visit(`/article/${evil}/source`, 'source-malicious');
  check((await page.$$('mark.extracted')).length >= 1, 'raw source: extracted part outlined');
}

// Seed article with mentions.
await visit(`/article/${expectLavrov[0]}`, 'article-seed');
check((await page.$$('.text mark.m')).length > 0, 'article: mentions highlighted by type');

// Entity page of Assimi Goïta (provisional entities).
await visit('/entities?type=PER', 'entities');
const goita = await page.$('table.entities a:text-matches("Goïta", "i")');
check(Boolean(goita), 'entities: Assimi Goïta listed');
if (goita) {
  await Promise.all([page.waitForNavigation(), goita.click()]);
  const n = (await page.$$('ul.docs li')).length;
  console.log(`     entity page of ${await page.textContent('h1')}: ${n} article(s)`);
  check(n === 4, `entity page of Assimi Goïta lists the four articles naming him (got ${n})`);
  await visit(new URL(page.url()).pathname + new URL(page.url()).search, 'entity-goita');
}

// Timeline in order (newest month first, each month's articles oldest first).
await visit('/timeline', 'timeline');
const months = await page.$$eval('section.month h3', (hs) => hs.map((h) => h.textContent.trim()).filter((t) => /^\d{4}-\d{2}$/.test(t)));
check(months.length > 0 && months.every((m, i) => i === 0 || months[i - 1] >= m), `timeline: months in order (${months.join(' ')})`);

const events = await page.$$eval('ol.events li.event span.date', (ds) => ds.map((d) => d.firstChild.textContent.trim()));
console.log(`     timeline: ${events.length} event(s)`);
check(events.length > 0, 'timeline: events listed');
check(events.every((d, i) => i === 0 || events[i - 1] <= d), `timeline: events in date order (${events.slice(0, 8).join(' ')}…)`);
const evLink = await page.$('ol.events a[href^="/article/"]');
if (evLink) {
  await Promise.all([page.waitForNavigation(), evLink.click()]);
  check(/#s\d+$/.test(page.url()) && (await page.$(new URL(page.url()).hash)) !== null, 'timeline: an event links to its sentence');
  await page.screenshot({ path: path.join(shots, 'event-sentence.png') });
}

await visit('/sources', 'sources');
check((await page.$$('svg.plot rect')).length > 0, 'sources: plot of articles over time');

// The self-contained HTML report (`dossier report --format html`): opens
// with no console error, every citation has its target, a citation click
// lands on its sentence.
if (process.env.REPORT_HTML) {
  await page.goto('file://' + process.env.REPORT_HTML);
  await page.screenshot({ path: path.join(shots, 'report.png'), fullPage: true });
  const missing = await page.$$eval('a.cite', (as) =>
    as.map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)));
  const cites = await page.$$('a.cite');
  check(cites.length > 0 && missing.length === 0, `report: ${cites.length} citation(s), all with a sentence (${missing.length} missing)`);
  if (cites.length) {
    await cites[0].click();
    const target = await page.evaluate(() => document.querySelector(':target')?.textContent || '');
    check(target.length > 0, 'report: a citation opens its sentence');
    await page.screenshot({ path: path.join(shots, 'report-citation.png') });
  }
}

check(dialogs.length === 0, `no dialogs opened (${dialogs.join('; ')})`);
check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''}`);

await browser.close();
if (failures.length) {
  console.log(`browser-test: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log(`browser-test: all checks passed; screenshots in ${shots}`);
