# clerk 的用語（繁體中文）。保留 { $name } 等佔位符；E012 等代碼不翻譯。

## `clerk check` 的摘要與說明
summary = 已檢查 { $records }：{ $errors }，{ $warnings }（{ $seconds } 秒）
count-records = { $n } 筆記錄
count-errors = { $n } 個錯誤
count-warnings = { $n } 個警告
note-unreadable = 說明：有 { $n } 筆加密記錄未讀取：沒有可開啟的金鑰（以 --identity 提供您的金鑰）；其餘均已檢查
grouped = ——另有 { $n } 項同類 { $code }（`clerk check --verbose` 逐項列出）
hint = 提示

## 欄位與記錄類型的結構
field-empty = `{ $field }` 尚未填寫
field-empty-hint = 請在 `{ $field }:` 之後填寫{ $about }
field-empty-hint-bare = 請在 `{ $field }:` 之後填寫內容；若此欄位非必填，可刪除該行
field-empty-choice-hint = 請在 `{ $field }:` 之後填寫下列之一：{ $choices }
field-missing = 缺少必填欄位 `{ $name }`
field-missing-in = `{ $field }` 缺少必填欄位 `{ $name }`
field-missing-hint = 請加上 `{ $name }:`（{ $about }）
field-missing-hint-bare = 請加上 `{ $name }:`
field-wrong-type = `{ $field }` 應為{ $expected }，但現在是{ $actual }
field-not-allowed = `{ $field }` 為 { $value }，此處不允許
field-unknown = 記錄類型 `{ $type }` 沒有欄位 `{ $field }`
hint-did-you-mean = 是否要寫 `{ $best }`？允許的值：{ $allowed }
hint-allowed = 允許的值：{ $allowed }
type-text = 文字
type-number = 數字
type-integer = 整數
type-boolean = true 或 false
type-list = 清單
type-mapping = 對照表（鍵: 值）
type-empty = 空白
hint-type-text = 若 YAML 把值讀成別的東西，請加上引號，例如 "2026"
hint-type-number = 請寫數字，不加引號或單位，例如 1200.50
hint-type-list = 清單寫成 `[甲, 乙]`，或每行以 `- ` 開頭
hint-type-mapping = 請在此欄位下以縮排寫 `鍵: 值` 各行
hint-type-other = 請寫{ $expected }

## 流程狀態與審批
state-needs-field = 此{ $type_label }的狀態為「{ $state_label }」，須填寫 `{ $field }`（{ $field_title }）
state-needs-field-hint = 請加上 `{ $field }:`，或把狀態改回「{ $before_label }」之前的狀態
state-needs-approval = 此{ $type_label }的狀態為「{ $state_label }」，須有「{ $step_label }」（`{ $step }`）審批
approval-stale = `{ $by }` 於 { $date } 審批之後記錄已有更動：這項「{ $step }」審批已不涵蓋現在的內容
approval-stale-hint = `clerk diff { $path } --step { $step } --by { $by }` 顯示更動之處；請 { $by } 審批新內容（`clerk sign { $path } --step { $step } --by { $by }`），或還原更動
transition-refused = 狀態由 { $was_label } 改為 { $is_label }，流程不允許這一步
transition-repair = `{ $was }` 不是{ $type_label }的狀態；請改為 { $allowed_labels }
transition-final = { $type_label }到了 { $was_label } 便不再變動
transition-allowed = { $type_label }由 { $was_label } 只能改為：{ $allowed_labels }

## 協會組織與歸檔（clauses，議題 #18）
coverage-period-missing = { $message }：{ $period }
coverage-period-missing-hint = 請新增一筆{ $type_label }紀錄，寫上 `{ $field }: { $period }`
role-limit-exceeded = { $date } 同時有 { $count } 人擔任{ $role }：{ $names }；clerk.yaml `role_limits` 至多 { $limit } 人
role-limit-exceeded-hint = 請以 `until:` 結束其中一人的職務，日期為另一人就任的前一天
role-limit-always = 每一天（職務未寫 `from:`）
role-limit-unknown-role = `role_limits` 所寫的職務 `{ $role }` 無人擔任，人員類型也未列出
role-limit-unknown-role-hint = 職務請照人員類型 `roles[].role` 所列的寫法
archive-number-layout = 檔號 `{ $number }` 與本紀錄不符：應為 `{ $expected }`（N 為件號的一位數字，? 為紀錄未載明的部分）
archive-number-layout-hint = 檔號格式為 clerk.yaml `archive.format` `{ $format }`，年度、保管期限與部門取自本紀錄；`clerk archive` 會代為寫入 `{ $field }`
filer-without-approver = { $date } 無人可為 { $count } 位可提交者給予{ $type_label }（{ $case }）的「{ $step_label }」：{ $names }
filer-without-approver-hint = 請在 `approvals.{ $step }.by` 加上涵蓋他們的規則（由他人擔任的職務），或指派人擔任該職務
filer-case-unevaluated = 此情形無法為 `{ $id }` 計算：{ $error }
