// yuqing dashboard behaviour. Loaded as a static file: the Content-Security-Policy forbids inline
// script. Crawled text is only ever inserted with textContent, never as HTML.
(function () {
  'use strict';

  var COLORS = { negative: '#d64541', neutral: '#9aa5b1', positive: '#3a9d5d' };
  var NAMES = { negative: '负面', neutral: '中性', positive: '正面' };
  var charts = {};
  var MARKS = { alert: '#c53030', sent: '#2b6cb0', log: '#2f855a' };

  function byId(id) { return document.getElementById(id); }

  function text(el, value) { if (el) { el.textContent = value == null ? '' : String(value); } }

  function autosubmit() {
    var selects = document.querySelectorAll('select.autosubmit');
    for (var i = 0; i < selects.length; i++) {
      selects[i].addEventListener('change', function (e) { e.target.form.submit(); });
    }
  }

  function chart(id) {
    var el = byId(id);
    if (!el || typeof echarts === 'undefined') { return null; }
    if (!charts[id]) { charts[id] = echarts.init(el, null, { renderer: 'canvas' }); }
    return charts[id];
  }

  function drawVolume(d) {
    var c = chart('chart-volume');
    if (!c) { return; }
    var series = ['negative', 'neutral', 'positive'].map(function (k) {
      return {
        name: NAMES[k], type: 'line', stack: 'volume', areaStyle: { opacity: 0.35 },
        showSymbol: false, smooth: false, color: COLORS[k], data: d.series[k]
      };
    });
    series[0].markLine = {
      symbol: 'none', silent: false, lineStyle: { color: '#b03a2e', type: 'dashed' },
      label: { formatter: '{b}' },
      data: d.alerts.map(function (a) { return { xAxis: a.time, name: a.grade + '预警' }; })
    };
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [NAMES.negative, NAMES.neutral, NAMES.positive] },
      grid: { left: 48, right: 56, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: d.times, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    }, true);
    byId('chart-volume').setAttribute('data-points', String(d.times.length));
    byId('chart-volume').setAttribute('data-total', String(d.total));
  }

  function drawTopics(d) {
    var c = chart('chart-topics');
    if (!c) { return; }
    var topics = d.topics.slice().reverse();
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['帖子', '负面'] },
      grid: { left: 90, right: 24, top: 36, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: topics.map(function (t) { return t.name; }) },
      series: [
        { name: '帖子', type: 'bar', color: '#4a7bb7', data: topics.map(function (t) { return t.count; }) },
        { name: '负面', type: 'bar', color: COLORS.negative, data: topics.map(function (t) { return t.negative; }) }
      ]
    }, true);
    byId('chart-topics').setAttribute('data-points', String(d.topics.length));
  }

  function drawSources(d) {
    var c = chart('chart-sources');
    if (!c) { return; }
    c.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{
        type: 'pie', radius: ['30%', '55%'], center: ['50%', '55%'],
        label: { formatter: '{b}\n{c}', overflow: 'none' },
        data: d.sources.map(function (s) { return { name: s.name, value: s.count }; })
      }]
    }, true);
    byId('chart-sources').setAttribute('data-points', String(d.sources.length));
  }

  function fillWords(d) {
    var ol = byId('keywords');
    if (!ol) { return; }
    ol.textContent = '';
    d.keywords.forEach(function (k) {
      var li = document.createElement('li');
      var w = document.createElement('span');
      w.className = 'word';
      text(w, k.name);
      var n = document.createElement('span');
      n.className = 'n';
      text(n, k.count);
      li.appendChild(w);
      li.appendChild(n);
      ol.appendChild(li);
    });
  }

  function fillAuthors(id, list) {
    var table = byId(id);
    if (!table) { return; }
    var body = table.tBodies[0];
    body.textContent = '';
    list.forEach(function (a) {
      var tr = document.createElement('tr');
      [a.name, a.posts, a.negative, a.engagement].forEach(function (v) {
        var td = document.createElement('td');
        text(td, v);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function fillAlerts(d) {
    var ul = byId('recent-alerts');
    if (!ul) { return; }
    ul.textContent = '';
    if (d.alerts.length === 0) {
      var none = document.createElement('li');
      text(none, '该时段没有预警');
      ul.appendChild(none);
    }
    d.alerts.slice(-10).reverse().forEach(function (a) {
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = '/alerts/' + encodeURIComponent(a.id);
      text(link, a.time + ' ' + a.grade + ' ' + (a.reason || ''));
      var st = document.createElement('span');
      st.className = 'state';
      text(st, a.state);
      li.appendChild(link);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(st);
      ul.appendChild(li);
    });
  }

  function render(d) {
    text(byId('stat-total'), d.total);
    text(byId('stat-negative'), d.negative);
    text(byId('stat-negshare'), (d.negativeShare * 100).toFixed(1) + '%');
    text(byId('stat-open-alerts'), d.openAlerts);
    text(byId('updated-at'), d.updatedAt);
    text(byId('range'), d.range);
    drawVolume(d);
    drawTopics(d);
    drawSources(d);
    fillWords(d);
    fillAuthors('authors-active', d.activeAuthors);
    fillAuthors('authors-followed', d.followedAuthors);
    fillAlerts(d);
    document.body.setAttribute('data-overview-loaded', String(Date.now()));
  }

  function overview() {
    var root = byId('overview');
    if (!root) { return; }
    var api = root.getAttribute('data-api');
    var refresh = parseInt(root.getAttribute('data-refresh'), 10) || 30;
    function load() {
      fetch(api, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) {
          if (r.status === 401) { window.location.href = '/login?next=' + encodeURIComponent(window.location.pathname + window.location.search); return null; }
          if (!r.ok) { throw new Error('HTTP ' + r.status); }
          return r.json();
        })
        .then(function (d) { if (d) { render(d); } })
        .catch(function (e) { text(byId('updated-at'), '刷新失败：' + e.message); });
    }
    load();
    window.setInterval(load, refresh * 1000);
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
  }

  // The incident page's timeline: hourly post volume, the incident's steps marked on it.
  function incident() {
    var el = byId('incident-chart');
    if (!el) { return; }
    fetch(el.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (d) {
        var c = chart('incident-chart');
        if (!c) { return; }
        var hours = d.buckets.map(function (b) { return b.time; });
        var marks = d.marks.filter(function (m) { return hours.indexOf(m.time) >= 0; });
        var series = ['negative', 'neutral', 'positive'].map(function (k) {
          return { name: NAMES[k], type: 'bar', stack: 'v', color: COLORS[k], data: d.buckets.map(function (b) { return b[k]; }) };
        });
        series[0].markLine = {
          symbol: 'none', label: { formatter: '{b}', fontSize: 10 },
          data: marks.map(function (m) { return { xAxis: m.time, name: m.label, lineStyle: { color: MARKS[m.kind] || '#1f3a5f' } }; })
        };
        c.setOption({
          tooltip: { trigger: 'axis' }, legend: { top: 0 },
          grid: { left: 40, right: 16, top: 30, bottom: 60 },
          xAxis: { type: 'category', data: hours, axisLabel: { rotate: 45 } },
          yAxis: { type: 'value', minInterval: 1 }, series: series
        });
        el.setAttribute('data-points', String(d.buckets.length));
        el.setAttribute('data-marks', String(marks.length));
        document.body.setAttribute('data-incident-loaded', String(Date.now()));
      })
      .catch(function (e) { text(byId('live-note'), '时间线加载失败：' + e.message); });
  }

  // Live pages: the server says when the desk changed (server-sent events); the page shows it at
  // once, unless someone is typing into one of its forms, who is told instead.
  function live() {
    var main = document.querySelector('main[data-live]');
    if (!main || !window.EventSource) { return; }
    var es = new EventSource(main.getAttribute('data-live'));
    es.addEventListener('hello', function () { document.body.setAttribute('data-live-connected', '1'); });
    es.addEventListener('desk', function () {
      var typing = Array.prototype.some.call(document.querySelectorAll('main textarea, main input[type=text]'),
        function (f) { return f.value !== '' || f === document.activeElement; });
      if (typing) {
        text(byId('live-note'), '事件有更新：提交或清空表单后刷新页面查看。');
      } else {
        es.close();
        window.location.reload();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    autosubmit();
    overview();
    incident();
    live();
  });
}());
