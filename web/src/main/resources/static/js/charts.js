// Draws every element with a data-chart attribute (kind, labels, values) with Apache ECharts: those of the
// page, and those a part of the page loaded later brings (htmx, the dashboard's charts).
(function () {
    if (typeof echarts === 'undefined') {
        return;
    }
    function draw(element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        var option;
        if (data.kind === 'pie') {
            option = {
                tooltip: {trigger: 'item'},
                legend: {bottom: 0},
                series: [{type: 'pie', radius: '60%', data: data.labels.map(function (label, i) {
                    return {name: label, value: data.values[i]};
                })}]
            };
        } else {
            option = {
                tooltip: {trigger: 'axis'},
                grid: {left: 40, right: 10, top: 20, bottom: 40},
                xAxis: {type: 'category', data: data.labels, axisLabel: {interval: 0, rotate: data.labels.length > 6 ? 30 : 0}},
                yAxis: {type: 'value', minInterval: 1},
                series: [{type: data.kind === 'line' ? 'line' : 'bar', data: data.values, itemStyle: {color: '#c0392b'}}]
            };
        }
        chart.setOption(option);
        element.setAttribute('data-drawn', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
    }
    function drawAll() {
        document.querySelectorAll('[data-chart]:not([data-drawn])').forEach(draw);
    }
    drawAll();
    document.addEventListener('htmx:afterSettle', drawAll);
})();
