/* nnbook: treat what a reader types the way the index was treated.
 *
 * Runs inside Material's search worker: booksite/hooks/search.py appends this file to
 * the worker's lunr.multi.min.js, the last lunr-languages script the worker
 * loads (both indexes have more than one language, so it always loads).
 *
 * Material appends "*" to every query term, and lunr passes a term with a
 * wildcard through no pipeline. So:
 *
 * - English: the index holds stems ("overfit" for "overfitting"), the
 *   query does not, and "overfitting*" found nothing. A term the index does
 *   not hold is stemmed here, with the index's own stemmer.
 * - Korean: the index holds words as written ("손실을") plus, in its
 *   `morphs` field, the base forms and compound parts that Kiwi found at
 *   build time ("손실", "교차", "엔트로피"). A query term is split against
 *   that vocabulary: a particle at its end is dropped ("손실을" -> "손실")
 *   and a compound typed without spaces is cut into words the index holds
 *   ("교차엔트로피" -> "+교차* +엔트로피*": both parts required, as the
 *   reader typed one word). Kiwi's model is about 100 MB and
 *   cannot ship to the browser; this heuristic needs only the index.
 *
 * The rewrite happens in lunr's query lexer, which Material runs both to
 * build the query and to tell which terms matched, so the two agree; and
 * it is idempotent (a rewritten term is in the vocabulary and stays as it
 * is), because Material lexes a query twice.
 */
(function (lunr) {
  "use strict";
  if (!lunr || lunr.nnbookTerms) return;

  /* Particles and copula endings, longest first. */
  var PARTICLES = [
    "에서부터", "으로부터", "이라는", "이라고", "이라면", "에서는", "에서도",
    "에게서", "으로는", "으로도", "으로서", "으로써", "입니다", "이에요",
    "에서", "에게", "으로", "로서", "로써", "부터", "까지", "처럼", "보다",
    "마다", "라는", "라고", "이나", "이다", "이란", "에는", "에도", "와의",
    "과의", "만의", "조차", "마저", "밖에", "한테", "하고",
    "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도",
    "만", "나", "란", "께", "야"
  ];
  var HANGUL = /[\uac00-\ud7a3]/;
  var state = { index: null, stems: false, words: null, sorted: null };

  /* Remember the index being built: its vocabulary and whether it stems. */
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    var index = build.apply(this, arguments);
    state.index = index;
    state.stems = this.pipeline._stack.indexOf(lunr.stemmer) !== -1;
    state.words = null;
    return index;
  };

  function vocabulary() {
    if (state.words) return state.words;
    var words = Object.create(null), morphs = Object.create(null);
    var inverted = state.index ? state.index.invertedIndex : {};
    for (var term in inverted) {
      words[term] = true;
      var postings = inverted[term].morphs;
      if (postings && Object.keys(postings).length) morphs[term] = true;
    }
    state.words = { all: words, morphs: morphs };
    state.sorted = Object.keys(words).sort();
    return state.words;
  }

  function isPrefixOfWord(value) {
    var sorted = state.sorted, lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo < sorted.length && sorted[lo].lastIndexOf(value, 0) === 0;
  }

  /* The cheapest way to cut a Hangul term into words of the index: a base
     form or compound part costs 1, another word 2, a last piece that only
     begins a word 2.5 (the reader is still typing), and a particle at the
     end -0.25: it is dropped, and "무작위" + "로" beats the word "무작위로"
     as written. Fewer pieces win a tie. */
  function split(term) {
    var v = vocabulary(), n = term.length;
    var best = [{ cost: 0, pieces: [] }];
    for (var end = 1; end <= n; end++) {
      best[end] = null;
      for (var start = 0; start < end; start++) {
        var before = best[start];
        if (!before) continue;
        var piece = term.slice(start, end), cost = null, keep = true;
        /* A particle first: "을" alone is also a word of the index. */
        if (end === n && start > 0 && PARTICLES.indexOf(piece) !== -1) {
          cost = -0.25; keep = false;
        } else if (v.morphs[piece]) cost = 1;
        else if (v.all[piece]) cost = 2;
        else if (end === n && isPrefixOfWord(piece)) cost = 2.5;
        if (cost === null) continue;
        var total = before.cost + cost;
        var pieces = keep ? before.pieces.concat([piece]) : before.pieces;
        var here = best[end];
        if (!here || total < here.cost ||
            (total === here.cost && pieces.length < here.pieces.length))
          best[end] = { cost: total, pieces: pieces };
      }
    }
    return best[n] && best[n].pieces.length ? best[n].pieces : [term];
  }

  function stem(term) {
    return lunr.stemmer(new lunr.Token(term)).toString() || term;
  }

  /* The words of the index that stand for what the reader typed. */
  function terms(typed) {
    var star = /\*$/.test(typed) ? "*" : "";
    var term = typed.slice(0, typed.length - star.length).toLowerCase();
    if (!term || term.indexOf("*") !== -1 || !state.index) return [typed];
    var v = vocabulary();
    if (v.morphs[term]) return [typed];
    if (HANGUL.test(term) && !/[^\uac00-\ud7a3]/.test(term)) {
      var pieces = split(term);
      if (pieces.length === 1) return [pieces[0] + star];
      /* A compound: the reader meant all of its words ("+" = required). */
      return pieces.map(function (piece) { return "+" + piece + "*"; });
    }
    if (!HANGUL.test(term) && !v.all[term] && state.stems)
      return [stem(term) + star];
    return [typed];
  }

  var run = lunr.QueryLexer.prototype.run;
  lunr.QueryLexer.prototype.run = function () {
    run.apply(this, arguments);
    var out = [];
    for (var i = 0; i < this.lexemes.length; i++) {
      var lexeme = this.lexemes[i];
      if (lexeme.type !== lunr.QueryLexer.TERM) { out.push(lexeme); continue; }
      var pieces = terms(lexeme.str);
      var marked = out.length && out[out.length - 1].type === lunr.QueryLexer.PRESENCE;
      for (var j = 0; j < pieces.length; j++)
        out.push({ type: lexeme.type,
                   str: marked ? pieces[j].replace(/^\+/, "") : pieces[j],
                   start: lexeme.start, end: lexeme.end });
    }
    this.lexemes = out;
  };

  lunr.nnbookTerms = terms;          /* for tests in the browser */
})(self.lunr);
