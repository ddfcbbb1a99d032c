/** Script and markup a hostile or careless person might type into a label, a note or a name. */
export const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  "'; window.__xss=1; '",
  '[bấm vào đây](javascript:window.__xss=1)',
  '&lt;b&gt;đã mã hoá&lt;/b&gt; & <b>đậm</b>',
  ']]><!--<iframe src=//x>',
  '**Bị can** `Trần Văn B` _x_ \\',
];
