-- The report's headline figures in plain SQL (the anchor of bench/report.sh): each customer
-- matrix's quadrant counts at its medians, the top 20 % margin share, and profitable exits and
-- anorexic customers by manager. SQLite has no median: the middle row of the sorted values.
CREATE TEMP TABLE m AS
  SELECT c.id, c.manager_id, coalesce(cm.margin, 0) AS margin, cm.potential, cm.loyalty, cm.satisfaction,
         cm.profitable_exit, cm.anorexic, cm.prev_revenue, cm.recent_revenue
  FROM customers c LEFT JOIN customer_metrics cm ON cm.customer_id = c.id;
CREATE TEMP TABLE med AS SELECT
  (SELECT margin FROM m ORDER BY margin LIMIT 1 OFFSET (SELECT count(*) / 2 FROM m)) AS margin,
  (SELECT potential FROM m WHERE potential IS NOT NULL ORDER BY potential LIMIT 1
     OFFSET (SELECT count(*) / 2 FROM m WHERE potential IS NOT NULL)) AS potential,
  (SELECT loyalty FROM m WHERE loyalty IS NOT NULL ORDER BY loyalty LIMIT 1
     OFFSET (SELECT count(*) / 2 FROM m WHERE loyalty IS NOT NULL)) AS loyalty,
  (SELECT satisfaction FROM m WHERE satisfaction IS NOT NULL ORDER BY satisfaction LIMIT 1
     OFFSET (SELECT count(*) / 2 FROM m WHERE satisfaction IS NOT NULL)) AS satisfaction;
SELECT 'profitability-potential', m.margin >= med.margin, m.potential >= med.potential, count(*)
  FROM m, med WHERE m.potential IS NOT NULL GROUP BY 2, 3;
SELECT 'profitability-satisfaction', m.margin >= med.margin, m.satisfaction >= med.satisfaction, count(*)
  FROM m, med WHERE m.satisfaction IS NOT NULL GROUP BY 2, 3;
SELECT 'profitability-loyalty', m.margin >= med.margin, m.loyalty >= med.loyalty, count(*)
  FROM m, med WHERE m.loyalty IS NOT NULL GROUP BY 2, 3;
SELECT 'satisfaction-loyalty', m.satisfaction >= med.satisfaction, m.loyalty >= med.loyalty, count(*)
  FROM m, med WHERE m.satisfaction IS NOT NULL AND m.loyalty IS NOT NULL GROUP BY 2, 3;
SELECT 'top 20 % share', sum(margin) / (SELECT sum(margin) FROM m)
  FROM (SELECT margin FROM m ORDER BY margin DESC LIMIT (SELECT (count(*) + 4) / 5 FROM m));
SELECT manager_id, sum(profitable_exit = 1), sum(CASE WHEN profitable_exit = 1 THEN margin ELSE 0 END) AS exit_margin,
       sum(anorexic = 1), sum(CASE WHEN anorexic = 1 THEN max(0, prev_revenue - recent_revenue) ELSE 0 END) AS drop_
  FROM m GROUP BY manager_id ORDER BY exit_margin + drop_ DESC LIMIT 5;
