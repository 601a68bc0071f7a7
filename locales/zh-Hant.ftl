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
approval-stale = { $by_name }於 { $date } 審批之後記錄已有更動：這項「{ $step_label }」審批已不涵蓋現在的內容
approval-stale-hint = `clerk diff { $path } --step { $step } --by { $by }` 顯示更動之處；請{ $by_name }審批新內容（`clerk sign { $path } --step { $step } --by { $by }`），或還原更動
transition-refused = 狀態由 { $was_label } 改為 { $is_label }，流程不允許這一步
transition-repair = `{ $was }` 不是{ $type_label }的狀態；請改為 { $allowed_labels }
transition-final = { $type_label }到了 { $was_label } 便不再變動
transition-allowed = { $type_label }由 { $was_label } 只能改為：{ $allowed_labels }

## Feeds (search task, issue #19 item 8): W125
feed-base-url-missing = 訂閱源（Atom、iCalendar）建置時沒有 `site.base_url`：連結是相對位址，訂閱軟體無法開啟
feed-base-url-missing-hint = 在 clerk.yaml 寫上本站發布的網址，例如在 `site:` 下寫 `base_url: https://archive.example.org/`
feed-timezone-missing = 行事曆讀取活動時間，但未設定 `association.timezone`：活動只能以全天顯示
feed-timezone-missing-hint = 在 clerk.yaml 的 `association:` 下寫上與 UTC 的時差，例如 `timezone: "+08:00"`

## ── 以員工的語言說話（issue #20 第 6 項），依代碼分組 ──

# 清單
list-and = 、
list-or = 或
list-semicolon = ；
role-for = { $role }（{ $scope }）
step-named = `{ $step }`（{ $step_label }）

# E030 未知審批步驟、E031 無規則、E032 職務不得審批、E033 未擔任職務、E034 不得審批
unknown-step = `{ $step }` 不是{ $type_label }的審批步驟
unknown-step-none = 記錄類型「{ $type_label }」沒有審批步驟
unknown-step-list = 審批步驟：{ $steps }
no-rule-applies = 記錄類型「{ $type_label }」沒有規則說明此記錄的「{ $step_label }」由誰審批
no-rule-applies-hint = 請在 { $file } 的 `approvals.{ $step }.by` 下加一條涵蓋此記錄的規則
role-not-allowed = { $role_label }不得給予此記錄的「{ $step_label }」審批；須由{ $allowed_labels }審批
role-not-held = { $by_name }於 { $date } 並未擔任{ $needed_labels }
approver-excluded = { $by_name }不得給予此記錄的「{ $step_label }」審批
approver-excluded-hint = 任何人不得審批自己的申請；須由擔任該職務的其他人審批
could-have = { $date } 當天可審批者：{ $names }
could-have-one = { $name }（{ $role_label }）
could-have-nobody = { $date } 當天沒有人擔任所需職務

# E036 誰可給予缺少的審批
sign-hint = 請{ $name }（{ $role_label }）執行 `clerk sign { $path } --step { $step } --by { $by }`
sign-hint-also = ；也可由{ $others }審批
sign-hint-other = { $name }（{ $role_label }，`--by { $by }`）
sign-hint-nobody = 今天沒有人擔任可給予此記錄「{ $step_label }」審批的職務
add-approval = 請加上此審批（{ $how }）
describe-step = 由{ $roles_labels }審批
describe-step-none = 沒有適用於此記錄的規則

# E049 重複審批
approval-twice = { $by_name }重複給予「{ $step_label }」審批
approval-twice-hint = 請只保留一項；`clerk sign { $path } --step { $step }` 會取代{ $by_name }先前的審批

# E069 日期先後不符
approval-after-today = { $by_name }的「{ $step_label }」審批日期為 { $date }，晚於今天（{ $today }）
approval-after-today-hint = 審批日期即給予審批的那一天；請在當天簽署
date-before-approval = `{ $field }`（{ $field_title }）為 { $day }，早於所需的「{ $step_label }」審批（{ $approved }，{ $by_name }）
date-before-approval-hint = `{ $field }` 是記錄進入「{ $state_label }」的日期，應在各項審批當天或之後

# E107 無法判定的狀態要求
rule-undecided = 無法判定此記錄在「{ $state_label }」狀態的要求條件 `{ $when }`：{ $why }
rule-undecided-hint = 請填寫該條件讀取的欄位，或在 { $file } 中更正條件
rule-undecided-value = 結果為 { $value }，不是 true 或 false

# `clerk sign`：誰不得給予審批
no-known-type = { $path } 的記錄類型不明
not-a-step = `{ $step }` 不是{ $type_label }的審批步驟（審批步驟：{ $steps }）
may-not-give = { $by_name }於 { $date } 不得給予此記錄的「{ $step_label }」審批：須由{ $needed_labels }審批；{ $could }
may-not-give-no-rule = 適用規則所指定的人

# E050–E056 簽章
signature-malformed = 簽章不是 SSH 簽章（-----BEGIN SSH SIGNATURE-----）
signature-malformed-hint = 請以 `clerk sign` 重新簽署；不要手動修改簽章
signature-missing = { $by_name }的「{ $step_label }」審批尚未簽章
signature-missing-hint = 請{ $by_name }以 `clerk sign { $path } --step { $step }` 簽署
signer-own-key-hint = 審批人以自己的金鑰簽署，金鑰列在其人員記錄的 `keys:` 之下
signed-by-another = 簽章用的是{ $owner_name }的金鑰，不是{ $by_name }的
signer-no-keys = { $by_name }沒有登記 SSH 金鑰，無法核對簽章
signer-unknown = 簽章所用的金鑰沒有登記在任何人員記錄中（不是{ $by_name }的金鑰）
key-not-valid = { $by_name }的金鑰於 { $date } 並非有效（有效期間 { $window_shown }）
key-not-valid-hint = 請以審批當天有效的金鑰簽署；金鑰不能在有效期間以外審批
key-window = { $from } 至 { $until }
signature-other-namespace = 這個簽章是為 `{ $namespace }` 而簽，不是 clerk 審批的簽章
signature-other-namespace-hint = 請以 `clerk sign` 簽署
signature-invalid = 簽章與此記錄中{ $by_name }以{ $role_label }身分於 { $date } 給予的「{ $step_label }」審批不符
signature-invalid-hint = 簽章是為另一筆記錄、步驟、職務或日期而簽，或內容已有更動；請以 `clerk sign` 重新簽署

# E044–E045 預算、E047/W047 應有的記錄
budget-not-approved = `{ $budget }` 不是已批准的預算
budget-not-approved-hint = 請列支在當年度已批准的預算
budget-other-year = 日期為 { $date }，卻列支在 { $year } 年度的預算
budget-other-year-hint = 請列支在 { $year } 年度預算的科目
over-budget = 科目 `{ $line }` 的支出累計 { $total }，超過核定的 { $limit }
over-budget-hint = 請減少金額、改列其他科目，或請理事會批准預算調整
coverage-missing = { $name }：{ $message }
coverage-missing-hint = 請新增一筆{ $type_label }記錄，在 `{ $field }` 填上 `{ $id }`
coverage-period = { $message }（{ $period }）

# E037–E040 理事會決議、E106 理事會設定
council-missing = 此{ $type_label }的狀態為「{ $state_label }」，須在 `{ $field }`（{ $field_title }）引用理事會決議
council-missing-hint = 請以 `{ $field }: 會議編號#決議編號` 引用決議
council-unset = 需要理事會決議，但 clerk.yaml 沒有 `council:` 設定
council-unset-hint = 請在 clerk.yaml 加上 `council:`，並寫明 `quorum:` 與 `majority:`
not-council-meeting = 「{ $meeting_title }」不是理事會會議（`{ $field }` 不是 `{ $kind }`）
not-council-meeting-hint = 請引用理事會會議的決議
meeting-not-held = 理事會會議「{ $meeting_title }」的狀態為「{ $state_label }」，尚未舉行
meeting-not-held-hint = 會議狀態為「{ $held_labels }」後，其決議才算數
council-too-late = 理事會會議「{ $meeting_title }」於 { $date } 舉行，晚於{ $what }（{ $deadline }）
council-too-late-hint = 須先經理事會決議；請引用較早的決議，或在會議之後重新審批
deadline-approval = 「{ $step_label }」審批
deadline-field = { $field_title }
inquorate = `{ $cited }` 不算數：理事 { $members } 人中只有 { $present } 人出席，法定人數為{ $quorum }
inquorate-hint = 出席不足法定人數的會議所作決議，須在達到法定人數的會議上重新通過
no-votes = `{ $cited }` 沒有記錄表決票數，無法證明已通過
no-votes-hint = 請在 { $path } 的該項決議記錄 `{ $votes }`
not-passed = `{ $cited }` 未獲通過：投票 { $cast } 票中贊成 { $yes } 票，須{ $majority }
not-passed-hint = 請引用已通過的決議
share-more-than = 超過 { $share }
share-at-least = 至少 { $share }
share-any = 任何比例

# E058–E063 變更的檢查
kept-deleted = 這筆{ $type_label }的狀態為「{ $status_label }」，必須保存，卻被刪除了
kept-deleted-hint = 已印發及已歸檔的記錄必須保存；請還原該檔案（`git restore --staged --worktree` 該檔）
keys-not-in-force = 依本次變更之前有效的金鑰：{ $message }
keys-not-in-force-hint = 新增的金鑰要在加入它的提交生效後才能使用；請以先前已有的金鑰審批，或先單獨提交新增金鑰
rules-not-in-force = 依本次變更之前有效的規則：{ $message }
signed-with-expired-key = 本次變更加入了{ $by_name }的簽章，所用金鑰今天（{ $today }）已非有效（有效期間 { $window }）
signed-with-expired-key-hint = 審批在給予時簽署，所用金鑰當時及現在都須有效；已過期的金鑰不能再加入審批
final-changed = 這筆{ $type_label }的狀態為「{ $was_label }」，此狀態的記錄不得再修改
final-changed-hint = 請還原修改；更正應另立一筆記錄並引用本記錄
immutable-changed = `{ $field }`（{ $field_title }）原為 `{ $old }`，不得更改
immutable-changed-hint = 請改回 `{ $field }: { $old }`

# E105 記錄類型檔中的運算式
expr-too-deep-hint = 請拆成幾個較簡單的運算式
expr-not-cel = 運算式 `{ $source }` 不是有效的 CEL：{ $problem }
expr-not-cel-hint = 請參考 https://github.com/google/cel-spec/blob/master/doc/langdef.md；文字值須加引號，例如 record.kind == 'council'
expr-problem = 運算式 `{ $source }`：{ $problem }
expr-undefined = 運算式 `{ $source }` 用到未定義的 `{ $name }`
expr-undefined-hint = 運算式可使用：{ $names }
expr-undeclared = 運算式 `{ $source }` 讀取 `record.{ $field }`，但此記錄類型沒有宣告這個欄位
expr-undeclared-hint = 請在 `fields.properties` 下宣告該欄位，或更正欄位名稱

# `clerk due`
due-person = { $name }
due-overdue = 逾期
due-due = 到期
due-line = { "  " }{ $date }  { $flag }  { $kind }：{ $what }（{ $path }）
due-summary = 至 { $until } 到期 { $n } 項，其中 { $overdue } 項已逾期（截至 { $as_of }）

# `clerk sign`
role-named = `{ $role }`（{ $role_label }）
not-a-person = `{ $by }` 不是 people/ 中的人員
sign-not-as = { $by_name }於 { $date } 不得以{ $role_label }身分給予「{ $step_label }」審批；可用的職務：{ $roles_labels }
sign-several-roles = { $by_name }可以不同職務給予「{ $step_label }」審批（{ $roles_labels }）；請以 --role 選擇其一
signed = 已簽署 { $path } 的「{ $step_label }」審批：{ $by_name }，{ $role_label }，{ $date }
signed-in-place = ，取代先前的審批
status-moved = 狀態：{ $from_label } → { $to_label }
status-stays = 狀態仍為「{ $from_label }」：若改為「{ $to_label }」，會有以下問題：
attachments-bound = { $path }：{ $n } 個附件已按內容（SHA-256）綁定，審批涵蓋這些附件

# `clerk advance`，以及 `clerk sign` 之後的下一步
state-named = 「{ $state_label }」（`{ $state }`）
now-final = { $path } 現在是「{ $state_label }」：流程已完成
now-next = { $path } 現在是「{ $state_label }」；下一步：
next-state = { "  " }→ 「{ $state_label }」：{ $takes }
next-approval = 「{ $step_label }」審批{ $stale }——{ $hint }
next-again = （須重新審批：{ $by_name }的審批已不涵蓋現在的內容，`clerk diff { $path } --step { $step } --by { $by }` 顯示更動之處）
next-then = ；然後
sets-dates = （{ $titles }填上當天日期）
no-workflow = 記錄類型「{ $type_label }」沒有流程（{ $file }）
advance-not-a-state = `{ $to }` 不是{ $type_label }的狀態（狀態：{ $list }）
advance-final = { $path } 是「{ $state_label }」，此狀態不再變動
advance-only = { $path } 是「{ $state_label }」；只能改為 { $list }，不能改為 `{ $to }`
advance-which = { $path } 是「{ $state_label }」；請以 --to 指定狀態：{ $list }

# `clerk inbox`
inbox-whose = 要看誰的待辦？請以 `--as 人員編號` 指定、設定 CLERK_PERSON，或把您的公鑰（~/.ssh/id_ed25519.pub）列在您的人員記錄中
inbox-person = { $name }：{ $n } 項待辦（截至 { $as_of }）
inbox-approvals = 待審批
inbox-tasks = 待辦
inbox-since = ，自 { $date } 起等候
inbox-again = ，須重新審批：您審批後記錄已有更動

# `clerk read`，以及所有修改記錄的指令
field-set = { $title }：{ $value_label }
list-fields = ，
fields-set = { $path }：{ $fields }
field-status = 狀態
not-changed = { $path } 未修改；修改後會有以下問題：
read-who = 是誰閱讀的？請以 `--as 人員編號` 指定，或設定 CLERK_PERSON
read-already = { $name }已於 { $date } 閱讀 { $path }
read-done = { $path }：{ $name }已於 { $date } 閱讀
read-not-circulated = 「{ $type_label }」（`{ $type }`）類紀錄不傳閱：{ $file } 沒有 `circulation:`（例如 `circulation: {"{"}field: circulation, person: person, date: read_on{"}"}`）

## 退回意見保存在紀錄中：`clerk advance --comment`、審批桌
advance-returned = { $name } 退回：{ $comment }
advance-return-who = 由誰退回？請加上 `--as 人員代碼` 或設定 CLERK_PERSON
advance-return-needs-comment = { $path } 將退回先前的狀態：請以 `--comment 文字` 寫明退回意見（「{ $type_label }」類紀錄會保存每次退回及其理由）
advance-comment-not-back = `--comment` 只在紀錄退回先前狀態時保存；{ $path } 是往下一步
advance-comment-no-list = 「{ $type_label }」（`{ $type }`）類紀錄不保存退回意見：{ $file } 沒有 `returns:`（例如 `returns: {"{"}field: returns{"}"}`，並在 fields 下宣告該清單）
inbox-returned = { $name } 退回

# E100–E108 載入 clerk.yaml 與記錄類型檔
yaml-invalid = YAML 語法錯誤：{ $problem }
yaml-invalid-hint = 請修正此處的 YAML 語法
yaml-not-mapping = 應為「設定: 值」的對照表，卻是{ $found }
config-unknown-key = 未知的設定 `{ $key }`
config-department-twice = 部門 `{ $id }` 重複列出
config-department-twice-hint = 每個部門須有自己的 id
type-no-field = `{ $name }` 不是已宣告的欄位
type-no-state = `{ $state }` 不是流程中的狀態
type-states-hint = 已宣告的狀態：{ $states }
type-no-states = 流程至少須有一個狀態
type-declare-field-hint = 請在 `fields.properties` 下宣告
type-no-step = `{ $step }` 不是此記錄類型的審批步驟
type-no-step-hint = 請在 `approvals:` 下宣告，並寫明可審批的職務
type-before-unknown = `{ $step }` 既不是此記錄類型的審批步驟，也不是欄位
type-before-unknown-hint = 請寫決議必須早於的審批步驟，或一個日期欄位
type-layout-field-hint = 請寫此記錄類型 `fields:` 中的欄位（或在那裡加上）
type-ref-unknown = `{ $field }` 引用的記錄類型 `{ $name }` 在 types/ 中沒有檔案
type-ref-unknown-hint = 已有的記錄類型：{ $types }
type-ref-no-list = `{ $field }` 引用 `@{ $list }`，但 clerk.yaml 沒有清單 `{ $list }`
type-ref-no-list-hint = 請在 clerk.yaml 加上 `{ $list }:`，每項寫明 `id:`
schema-not-object = `fields` 必須是 JSON Schema 物件
schema-not-object-hint = 請寫 `fields:`，其下寫 `properties:` 與 `required:`
schema-required-undeclared = 必填欄位 `{ $field }` 沒有在 `fields.properties` 下宣告
schema-required-undeclared-hint = 請宣告 `{ $field }` 及其結構，或從 `required` 中移除
schema-invalid = 欄位結構不是有效的 JSON Schema：{ $detail }
schema-invalid-hint = 關鍵字請參考 https://json-schema.org/understanding-json-schema/

# E017–E018 引用
reference-broken = 沒有 id 為 `{ $id }` 的記錄
reference-did-you-mean = 是否要寫 `{ $best }`？
reference-create = 請建立該{ $type_labels }記錄，或更正 id
reference-wrong-type = `{ $id }` 是{ $type_label }記錄（{ $path }），此處應為{ $wanted_labels }記錄
reference-wrong-type-hint = 請寫一筆{ $wanted_labels }記錄的 id

# E004–E007、E020 記錄的前置欄位（front matter）
file-empty = 檔案是空的
file-empty-hint = 檔案請以 `---`、記錄的欄位、`---` 開頭；或在 clerk.yaml 的 `ignore` 中列出此檔
no-front-matter = 檔案沒有前置欄位（front matter）
no-front-matter-hint = 記錄以一行 `---` 開頭，接著是 `type:` 與 `title:`，再一行 `---`；若此檔不是記錄，請加到 clerk.yaml 的 `ignore`
front-matter-open = 前置欄位在此開始，卻沒有結束
front-matter-open-hint = 請在最後一個欄位之後加一行 `---`
front-matter-yaml = 前置欄位的 YAML 語法錯誤：{ $problem }
front-matter-not-mapping = 前置欄位應為 `欄位: 值` 各行，卻是{ $found }
front-matter-not-mapping-hint = 每個欄位各寫一行，格式為 `名稱: 值`
unsupported-yaml-hint = 請使用文字、數字、日期、清單與對照表
yaml-hint-duplicate = 每個欄位只能出現一次；請刪除或更名重複的欄位
yaml-hint-deep = 前置欄位巢狀或重複得太深；請簡化
yaml-hint-colon = 含有 `: ` 的值須加引號，例如 title: "會議: 第一次"
yaml-hint-tab = 縮排請用空格，不要用 Tab
yaml-hint-other = 請檢查這一行及上一行的縮排與引號

# E008–E009、E016 記錄的類型與 id
type-named = `{ $type }`（{ $type_label }）
type-missing = 記錄沒有 `type`
type-missing-hint = 請加上 `type:`，填下列之一：{ $types }
type-not-text = `type` 必須是文字，卻是{ $kind }
type-use-one = 請填下列之一：{ $types }
type-unknown = 未知的記錄類型 `{ $type }`
type-did-you-mean = 是否要寫 `{ $best }`？（記錄類型即 types/ 中的檔案）
bad-id = id `{ $id }` 含有 id 不能使用的字元
bad-id-hint = 請使用字母、數字、`-`、`_` 與 `.`，並以字母或數字開頭（不可有空格、`#` 或 `/`）
bad-file-id = 檔名 `{ $id }` 不是有效的 id
bad-file-id-hint = 請以字母、數字、`-`、`_` 與 `.` 重新命名檔案，或在前置欄位寫 `id:`

# `clerk diff`
diff-nothing = { $path }：所選的審批與記錄現在的內容相符；之後沒有更動
diff-never-committed = { $path }：git 歷史中沒有任何版本是{ $by_name }於 { $date } 簽署「{ $step_label }」審批時的內容；那個版本從未提交
diff-since = { $path }：{ $by_name }於 { $date } 給予「{ $step_label }」審批之後的更動（提交 { $commit } 的版本，{ $commit_date }）
diff-fields = 欄位：
diff-field = { $title }（{ $field }）
diff-body = 正文（[-刪除-] {"{"}+新增+{"}"}）：
diff-layout-only = 只有換行、排版或次序改變（不影響審批涵蓋的內容）

# E041–E042、W043 編號
number-other-issuer = `{ $value }` 不是此編號規則的編號：發文機關代字應為 `{ $issuer }`，不是 `{ $found }`
number-other-issuer-hint = 此規則的編號以 `{ $issuer }` 開頭；`clerk issue` 會給下一個編號
number-other-year = `{ $value }` 的年份是 { $numbered }，但 `{ $field }` 在 { $year } 年
number-other-year-hint = 括號中的年份是 `{ $field }` 的年份；編號每年從 1 重新開始
number-format = `{ $value }` 不符合編號格式
number-format-hint = 編號應如 `{ $example }`（clerk.yaml 中的格式 `{ $format }`）
number-brackets-hint = ；年份須用六角括號〔〕（U+3014、U+3015），不是 [] 或 ()
not-unique = `{ $value }` 已被 { $path } 使用
not-unique-hint = 每個 `{ $field }` 只能用一次；請給下一個未用的編號
number-gap = { $issuer } { $year } 年的編號跳過了 { $missing }
number-gap-hint = 編號須依序、不可跳號；請找出缺少的記錄，或註明該編號作廢的原因

# E046/W046 與 E107 記錄類型檔的規則
rule-is = 規則為 { $file }:{ $line } 的 `{ $rule }`
rule-unevaluated = 規則 `{ $rule }`（{ $file }:{ $line }）無法對此記錄判定：{ $why }
rule-when-unevaluated = 條件 `{ $rule }`（{ $file }:{ $line }）無法對此記錄判定：{ $why }
rule-unevaluated-hint = 請填寫規則讀取的欄位，或在記錄類型檔中以 `when:` 限定規則（例如 `has(record.end)`）

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

## ── Session 8 (messages task, issue #20 item 6): the remaining findings and command output ──

# E101 a text the association writes in a language clerk does not speak
written-unknown-language = `{ $lang }` 不是 clerk 使用的語言
written-unknown-language-hint = 請以 `zh-Hant`、`zh-Hans` 或 `en` 書寫，或只寫一段適用各語言的文字

# Registers' own words (in the register's language, the association's)
register-total = 合計
register-subtotal = { $key }小計
register-id-suffix = 代碼

# E065–E067, W068 changes to the rules, roles and keys (governance)
governed-part-rules = 規則
governed-part-person = 人員
governed-part-roles = 職務
governed-part-keys = 金鑰
governance-off = 這項{ $part }的變更無須核准：clerk.yaml 沒有 `governance:`
governance-off-hint = 請在 clerk.yaml 的 `governance:` 下寫明修訂紀錄的記錄類型，讓規則、職務與金鑰的變更如記錄一樣經過核准
governed-stale = 修訂紀錄核准的 `{ $path }` 是 { $listed }，但這次變更後是 { $digest }
governed-stale-hint = 檔案在修訂紀錄核准後又有改動：請寫上新的摘要值，並重新核准修訂紀錄
governed-unsigned = 未簽署
governed-key = 金鑰 { $key }
governed-approval = { $path }：{ $by }（{ $role }）於 { $date } 給予 { $step }，{ $key }
governed-no-status = 沒有狀態
governed-draft = `{ $path }` 這項{ $part }的變更列在 { $amendment }，但其狀態為 { $status }，尚未核准
governed-unapproved = `{ $path }` 這項{ $part }的變更須有已核准的修訂紀錄，但這次提交沒有一份列出它
governed-unapproved-hint = 請在修訂紀錄（`clerk new { $type }`）中列為 `{"{"}file: { $path }, digest: { $digest }{"}"}`，經核准（`clerk sign`）後與變更一同提交
governed-unauthorized = 依變更前施行的規則：{ $message }
governed-unauthorized-hint = 修訂紀錄須由變更前具有權限的人，以其當時持有的金鑰核准

# E070–E078 encryption at rest
and-more = 等 { $n } 筆
must-be-encrypted = { $type }記錄（{ $level }）須加密儲存，但這筆是明文
must-be-encrypted-hint = 請加密：`clerk encrypt { $path }`（明文檔會換成 { $path }.age）
reader-not-allowed = 有 { $n } 把已無權閱讀此記錄的金鑰仍能打開它
reader-not-allowed-hint = 有人離職或職務變動：請用您的金鑰執行 `clerk reencrypt`
reader-missing = 有權閱讀者無法打開：{ $names }
reader-missing-hint = 請用您的金鑰執行 `clerk reencrypt`，讓他們能打開
envelope-missing = 加密時沒有明文封套：沒有金鑰時，`check`、`issue` 與 `archive` 看不到它的編號
envelope-missing-hint = 請用您的金鑰執行一次 `clerk reencrypt`，它會加上封套
envelope-differs = `{ $field }` 在記錄中是 `{ $record }`，在封套中卻是 `{ $envelope }`
envelope-mismatch = 明文封套與記錄不符：{ $differ }
envelope-mismatch-hint = 這個檔案不是 clerk 寫的；請從 git 還原，或用您的金鑰執行 `clerk reencrypt`，依記錄重寫封套
header-edited = 加密檔的檔頭在沒有金鑰的情況下被改動：同樣的內容換了封套或閱讀者
header-edited-hint = 請從前一次提交還原檔案（`git checkout HEAD~ -- FILE`）；clerk 只透過 `encrypt`、`reencrypt` 與編輯記錄的指令寫入加密檔
confidential-plaintext = 有 { $n } 筆機密記錄以明文儲存：{ $paths }{ $more }
confidential-plaintext-hint = 任何取得儲存庫的人都能閱讀：請逐一 `clerk encrypt FILE`，或將其類型列在 `encryption.required` 下，使之成為錯誤

# E021–E023, W024 attachments
refused-outside = 指向儲存庫之外
refused-hidden = 位於隱藏或略過的資料夾（如 .git 或存放金鑰的資料夾）
refused-record = 是記錄或加密檔（附件名稱請不要加 `.age`），不是附件
refused-key = 含有私鑰
refused-missing = 不存在
attachment-refused = 附件 `{ $name }` { $why }
attachment-refused-hint = 請附上儲存庫內、記錄旁的檔案——掃描檔、PDF、圖片；不可附上記錄、金鑰或 .git 下的任何東西
attachment-name-twice = 此記錄有兩個附件都叫 `{ $name }`：網站每個名稱只保留一個檔案
attachment-name-twice-hint = 請將其中一個檔案改名
attachment-plain = 須加密儲存的記錄，其附件 `{ $name }` 是明文
attachment-plain-hint = `clerk encrypt { $path }` 會連同記錄的明文附件一起加密
attachment-unbound = 此記錄的審批未涵蓋 `{ $name }` 的內容：該項沒有 SHA-256
attachment-unbound-hint = 請寫成 `{"{"}file: { $name }, sha256: { $sha256 }{"}"}`（第一次審批時 `clerk sign` 會自動加上）；之前簽署的審批將隨之失效
attachment-unreadable = 無法讀取（{ $error }）
attachment-changed = 附件 `{ $name }` 不是此項所指的檔案：其 SHA-256 為 { $found }
attachment-changed-hint = 請放回記錄核准時的檔案（git 可查看先前版本）；換成新檔案須重新審批

# `clerk issue` and `clerk archive`: refusals
issue-not-numbered = { $type_label }（`{ $type }`）記錄不編號：{ $file } 沒有帶 `sequence` 的 `unique` 項目
issue-already = { $path } 已有 { $field } `{ $number }`
issue-no-numbering = { $file } 指定的編號規則 `{ $scheme }` 在 clerk.yaml 中沒有定義
issue-no-issuer = clerk.yaml 的編號規則 `{ $scheme }` 沒有 `issuer`（例如 `issuer: 協秘`）
issue-unknown-type = { $path }：類型 `{ $type }` 在 types/ 中沒有記錄類型檔
issue-needs-field = { $state }還須填寫 `{ $field }`（{ $field_label }）；請先填上
issue-no-state = 任何狀態都不行
issue-wrong-state = { $path } 的狀態為{ $state }；只有從{ $from }才能變為{ $target }
issue-blind = 無法給出下一個 `{ $field }`：有 { $n } 筆加密記錄沒有可讀的封套，沒有金鑰就看不到其編號：{ $paths }
issue-blind-hint = 請能閱讀者執行一次 `clerk reencrypt`（會加上封套），或以 --identity KEY 執行此指令
archive-no-settings = clerk.yaml 沒有 `archive:` 設定（全宗號、類別、格式）；請參閱 clerk README 的「Starting, writing, issuing, filing」一節
archive-not-archived = { $type_label }（`{ $type }`）記錄不歸檔：{ $file } 沒有 `{ $field }` 欄位
archive-no-retention = 沒有保管期限：請在記錄中填寫 `{ $field }`，或在 { $file } 中設定 `retention`
archive-bad-retention = 保管期限 `{ $retention }` 不在 { $allowed } 之中（clerk.yaml `archive.retention`）
archive-no-department = 記錄沒有寫 `department`，clerk.yaml `archive.department` 也沒有指定歸檔部門
archive-unknown-department = 部門 `{ $id }` 不在 clerk.yaml 的 `departments` 中
archive-department-no-code = 部門 `{ $id }` 在 clerk.yaml 中沒有 `code`（檔號所用的代碼，例如 ZHB）

# `clerk new`: refusals
new-no-type = 沒有 `{ $type }` 這種記錄類型（types/{ $type }.yaml）；現有類型：{ $types }
new-bad-id = `{ $id }` 不能作為檔名
new-exists = 記錄 `{ $id }` 已經存在
new-not-pair = `{ $pair }` 不是「欄位=值」的寫法
new-no-field = { $type_label }（`{ $type }`）記錄沒有 `{ $field }` 欄位
new-set-by-clerk = `{ $field }` 由 clerk 填寫，不能用 `clerk new` 指定
new-not-yaml = `{ $value }` 不是 YAML 值（請加上引號，例如 { $field }="{ $value }"）
new-roles-not-person = --role 與 --key 只用於人員（`clerk new { $people }`），不適用於{ $type_label }
new-schema-invalid = { $file }：`{ $field }` 的結構定義無效：{ $error }
new-value-refused = { $type_label }不接受 `{ $field }={ $value }`：{ $error }
new-value-not-one-of = { $type_label }不接受 `{ $field }={ $value }`；`{ $field }` 須為下列之一：{ $allowed }
new-part-not-one-of = { $type_label }的 `{ $field }` 不接受 { $part }；須為下列之一：{ $allowed }
new-not-a-key = `{ $path }` 不是 OpenSSH 公鑰（{ $error }）；請提供 ssh-keygen 產生的 `.pub` 檔

# `clerk register` and `clerk report`
register-unknown = 沒有 `{ $name }` 這個登記簿；現有登記簿：{ $names }
register-xlsx-terminal = Excel 活頁簿不能輸出到終端機：請用 `-o { $name }.xlsx` 寫入檔案，或將輸出導向檔案（`> { $name }.xlsx`）
report-unknown = 沒有 `{ $name }` 這份報表；現有報表：{ $names }、annual
wrote = 已寫入 { $path }

# E078 a classification below the type's lowest
level-named = 「{ $level_label }」（`{ $level }`）
none-listed = （無）
below-lowest = { $type_label }不得為{ $claimed }：此類記錄的最低密級是{ $floor }（規則 §6.1），所以仍為{ $floor }
below-lowest-declassify-hint = 請刪除這一行，或辦理解密：由 { $file } 允許的人給予「{ $step_label }」審批（`clerk sign { $path } --step { $step }`）
below-lowest-hint = 請刪除這一行：{ $file } 不允許此類記錄解密
declassified-by-unknown = `declassified_by: { $step }` 不是此記錄類型的審批步驟
declassified-by-unknown-hint = 請在 `approvals:` 下宣告此步驟（誰可解密），或改用下列之一：{ $steps }

# E015 an id used twice, E017/E019 references into clerk.yaml and to a part of a record
duplicate-id = id `{ $id }` 已被 { $path } 使用
duplicate-id-hint = 請給此記錄自己的 `id:`（或將檔案改名）；否則引用會混淆
anchor-needed = `{ $value }` 須指向{ $types }的 `{ $list }` 中的一項
anchor-needed-hint = 請寫成 `{ $value }#ID`，ID 為 `{ $list }` 中該項的 id
config-item-did-you-mean = 您是指 `{ $best }` 嗎？（{ $list } 列在 clerk.yaml 中）
config-item-list = clerk.yaml 所列的 { $list }：{ $ids }
config-item-missing = clerk.yaml 的 `{ $list }` 中沒有 `{ $value }`
anchor-none = { $path } 沒有 `{ $list }`
anchor-list = { $path } 的 { $list }：{ $ids }
anchor-missing = `{ $id }` 的 `{ $list }` 中沒有 `{ $anchor }` 這一項

# E013, E014/W014 fields against the type's schema (the rest)
did-you-mean = 您是指 `{ $best }` 嗎？
type-declares = 記錄類型 `{ $type }` 宣告的欄位：{ $fields }
unknown-field-hint = 請刪除，或在記錄類型的欄位定義中宣告
field-not-constant = `{ $field }` 是 { $value }，但必須是 { $expected }
field-bad-format = `{ $field }` 是 { $value }，不是有效的{ $format }
front-matter = 前置欄位
format-date = 日期（YYYY-MM-DD）
format-date-time = 日期時間（YYYY-MM-DDTHH:MM:SS+08:00）
format-time = 時間（HH:MM:SS+08:00）
format-email = 電子郵件地址
format-date-hint = 日期請寫成 YYYY-MM-DD，月與日須真實存在，例如 2026-03-02
format-email-hint = 請寫成 name@example.org 這樣的地址
format-other-hint = 請寫成有效的 { $format }

# W090 labels missing, E106 a numbering clerk.yaml does not define
label-missing = 有 { $n } 個欄位、值或流程狀態沒有標籤：{ $listed }
label-missing-hint = 請為每個欄位寫 `title:`，每個允許值寫 `oneOf: [{"{"}const: VALUE, title: LABEL{"}"}]`，每個狀態在 `workflow.labels` 寫一項
numbering-undefined = `unique` 指定的編號規則 `{ $seq }` 在 clerk.yaml 中沒有定義
numbering-undefined-hint = 請在 clerk.yaml 加上 `numbering: {"{"}{ $seq }: {"{"}format: "{"{"}issuer{"}"}〔{"{"}year{"}"}〕{"{"}serial{"}"}號"{"}"}{"}"}`

# `clerk check`: refusals, notes and the chain of governance (`clerk audit`)
check-config-invalid = clerk.yaml 無效，因此沒有檢查任何記錄
check-files-and-scope = 只有檢查檔案現況時才能指定檔案；--staged 與 --since 檢查的是整個儲存庫（DIR）
check-not-a-file = `{ $path }` 不是記錄檔（請給一個儲存庫，或若干檔案）
check-other-repository = `{ $path }` 不在 `{ $root }` 的儲存庫中
check-null-revision = 說明：`--since { $rev }` 不指向任何提交（git 的空版本：首次推送或新分支），因此從第一次提交起檢查全部歷史
chain-heading = 治理紀錄（規則、職務與金鑰共變更 { $n } 次）：
chain-changes = 變更 { $change }
chain-approved = 核准 { $approval }
chain-unapproved = 沒有修訂紀錄核准
gate-no-commit = `{ $rev }` 不指向任何提交
gate-not-ancestor = `{ $rev }` 不是 HEAD 的祖先，之後的提交不是這個分支的歷史；請給出分支的起點（`git merge-base { $rev } HEAD`）
gate-root-mismatch = 這段歷史從提交 { $found } 開始，不是協會所固定的起點 { $pinned }：這不是協會的歷史

# Commands that open one record: refusals
not-in-repository = `{ $path }` 不在 clerk 記錄儲存庫中（上層資料夾沒有 clerk.yaml）
config-invalid-nothing-done = { $file } 無效，因此沒有做任何事
not-a-file = `{ $path }` 不是檔案
fix-first = { $path }:{ $line }：{ $message } [{ $code }]；請先修正（`clerk check`）
not-a-record = `{ $path }` 不是記錄（是否列在 clerk.yaml 的 `ignore` 中？）
who-approves = 由誰審批？請加上 `--by PERSON-ID`，或設定 CLERK_PERSON

# `clerk keys`
key-unreadable = 無法讀取金鑰 `{ $path }`
key-private = `{ $path }` 是私鑰：請提供其公鑰（ssh-keygen 在旁邊產生的 `.pub` 檔），並且絕不要提交私鑰
key-no-person = 沒有 `{ $person }` 這個人；請以 `clerk new { $people } --id { $person }` 新增
key-listed = 金鑰 { $key } 已列在{ $name }（`{ $holder }`）名下
key-added = { $path }：已加入 { $key }，自 { $date } 起有效
keys-what = 請加上 --allowed-signers，或使用 `clerk keys add PERSON FILE.pub`

# `clerk encrypt`, `decrypt`, `reencrypt`
no-readers = { $date } 沒有人可閱讀{ $type }記錄（{ $level }）：請在 clerk.yaml 的 `encryption.readers` 下列出閱讀者（依職務或人員），並確認他們有金鑰
already-encrypted = { $path } 已經加密
encrypted-to = { $path } → { $target }（可閱讀者：{ $readers }）
not-encrypted = { $path } 不是加密記錄（NAME.md.age）
cannot-decrypt = 無法解密 { $path }：{ $error }
reencrypted-one = { $path }：可閱讀者為 { $readers }
reencrypted = 已重新加密 { $n } 筆加密記錄
reencrypt-unopened = 有 { $n } 筆加密記錄無法用您的金鑰打開，因此維持原來的閱讀者：{ $paths }

# `clerk pdf`
pdf-not-a-document = `{ $path }` 是{ $type_label }記錄，不是公文：其記錄類型檔（{ $file }）沒有 `layout: {"{"}kind: document{"}"}`
pdf-not-issued = `{ $path }` 尚未發文：沒有文號（`{ $field }`）；`clerk issue { $path }` 會給它一個
pdf-wrote = 已寫入 { $path }（字型：{ $fonts }）

# `clerk build` and `clerk init`
build-errors = 記錄中有 { $n } 個錯誤；執行 `clerk check { $dir }` 查看
build-refused = 沒有建置任何內容（加上 --allow-errors 仍可建置，並標示受影響的記錄）
build-not-a-site = `{ $path }` 已存在，且不是 clerk 建置的網站；請以 -o 另選資料夾
build-was-interrupted = 說明：先前的建置在替換 `{ $path }` 時中斷；此次建置會替換它留下的內容
built = 已建置{ $level_label }網站，含 { $records } 筆記錄（略去 { $hidden } 筆），輸出至 { $out }：{ $pages } 頁，{ $files } 個檔案（{ $seconds } 秒）
init-exists = { $dir } 已有 clerk.yaml；clerk init 絕不覆寫既有的儲存庫
init-next = 下一步：clerk new person --id YOUR-ID --title "您的姓名" --role ROLE --key ~/.ssh/id_ed25519.pub

# E001–E003, E064, W074 reading files (folder and git)
cannot-read-folder = 無法讀取資料夾：{ $error }
cannot-read-folder-hint = 請檢查資料夾的權限
name-not-utf8 = 檔名 `{ $name }` 不是有效的 UTF-8（無效的位元組顯示為 \xNN）
name-not-utf8-hint = 請以 UTF-8 檔名重新命名，git 與其他電腦才能正確顯示
symlink-outside = 符號連結指向儲存庫之外：{ $target }
symlink-outside-hint = 記錄必須放在儲存庫內；請複製檔案進來，不要用連結
symlink-dangling = 符號連結指向不存在的檔案
symlink-dangling-hint = 請刪除連結，或還原它所指的檔案
cannot-read-file = 無法讀取檔案：{ $error }
cannot-read-file-hint = 請確認檔案存在且可讀取
too-large = 檔案大於 { $limit } 位元組
too-large-hint = 請拆分記錄、將大量內容移到附件，或調高 clerk.yaml 的 `limits.max_record_bytes`
sealed-invalid = 加密記錄無法打開：{ $error }
sealed-invalid-hint = 請從 git 還原檔案（`git checkout -- FILE`）；加密檔只由 `clerk encrypt`、`reencrypt` 與編輯記錄的指令寫入
sealed-unread = 未讀取加密記錄：{ $error }
sealed-unread-hint = clerk 以您的 SSH 金鑰讀取加密記錄：--identity ~/.ssh/id_ed25519
file-binary = 檔案是二進位檔，不是 Markdown 文字
file-binary-hint = 請改名使其不以 `.md` 結尾，或列在某筆記錄的 `attachments:` 下
file-not-utf8 = 檔案不是有效的 UTF-8 文字
file-not-utf8-hint = 請以 UTF-8 編碼儲存檔案（多數編輯器在「以編碼儲存」中提供）
git-not-a-file = 不是此 git 樹中的檔案
git-reader-failed = git 讀取失敗
git-cannot-read = 無法從 git 讀取：{ $error }
git-symlink = 記錄不能是符號連結
git-symlink-hint = 請提交記錄本身，而不是指向它的連結
merge-conflict = 合併衝突尚未解決
merge-conflict-hint = 請解決衝突，再 `git add` 該檔案

# E100–E105, E130, E131, E135 loading the configuration and the type files
not-a-folder = `{ $path }` 不是資料夾
no-such-path = `{ $path }` 不存在（沒有這個檔案或資料夾）
no-config = `{ $path }` 中沒有 clerk.yaml：這不是 clerk 記錄儲存庫（執行 `clerk init` 建立一個）
lookup-unknown-type = `lookup('{ $name }', …)` 指定的記錄類型 `{ $name }` 不存在
known-types = 現有記錄類型：{ $types }
type-duplicate = 記錄類型 `{ $type }` 已在 { $path } 中宣告
type-duplicate-hint = 請以 `name:` 將其中一個類型改名
subtotals-unknown = `subtotals` 指定的欄 `{ $name }` 不在登記簿 `{ $register }` 中
subtotals-unknown-hint = 請寫登記簿中某一欄的標題
register-labels-unknown = `labels: { $field }` 不是此記錄類型的欄位
register-labels-unknown-hint = 請寫此欄所列值的欄位，例如 `labels: status`
register-column-value = 登記簿 `{ $register }`：除 `kind: row` 外，每一欄都須有 `value`
register-column-value-hint = 請以運算式寫出值，例如 `value: record.title`
classification-unknown-hint = 請在 clerk.yaml 的 `classifications:` 下列出，或改用其中的密級
navigation-unknown-type = `{ $setting }` 指定的記錄類型 `{ $name }` 沒有任何記錄類型檔宣告
navigation-unknown-type-hint = 請寫 types/*.yaml 中的記錄類型，或從 `{ $setting }` 移除 `{ $name }`
refs-invalid-hint = 請寫成 `field: type`、`list[].field: type`、`field: type#list` 或 `field: "@departments"`
glob-invalid = `{ $pattern }` 不是有效的萬用字元樣式：{ $error }

# `clerk desk` in the terminal, and what it refuses
desk-open = { $name }（{ $who }）的辦公桌：請開啟 { $url }
desk-token = 這個網址含有辦公桌的權杖：請勿分享（按 Ctrl-C 結束）
desk-wrong-host = clerk desk 只回應 127.0.0.1:{ $port } 或 localhost:{ $port }
desk-wrong-token = 這不是辦公桌的權杖：請開啟 `clerk desk` 印出的網址
desk-no-session = 請開啟 `clerk desk` 印出的網址（含權杖）
desk-csrf = 表單的 CSRF 權杖缺少或錯誤：請重新載入頁面
desk-no-record = 沒有記錄 `{ $id }`

# E057 a person's key, E105 a function a rule calls
key-invalid = 不是 OpenSSH 公鑰：{ $error }
key-invalid-hint = 請貼上 `.pub` 檔的整行，例如 `ssh-ed25519 AAAAC3Nza… name`
list-or-short = 或
count-arguments = { $n } 個引數
call-arity = `{ $call }` 傳入了 { $args }，但它接受 { $takes } 個
call-arity-hint = 請以 { $takes } 個引數呼叫 `{ $call }`
known-functions = 可用的函式：{ $functions }
call-unknown = `{ $call }` 不是 clerk 認得的函式

# Session 8 (lead): E108, a field clerk.yaml gives clerk to read that the type does not declare
e108 = clerk 讀取 `{ $name }`（{ $setting }），但{ $whose }未宣告此欄位
e108-hint = 在 clerk.yaml 把 `{ $setting }` 設為該類型中的欄位名稱，或在類型中宣告 `{ $name }`
names-type = 類型「{ $label }」（`{ $type }`，{ $path }）
names-archived-type = 類型「{ $label }」（`{ $type }`，{ $path }，其紀錄有 `{ $field }`）
names-each-of = { $whose }的 `{ $field }` 每一項
names-of = { $whose }的 `{ $field }`

# Session 8 (lead): `clerk hooks install`
hooks-installed = 已安裝 { $path }
hooks-foreign-one = { $hooks } 已存在且不是 clerk 寫的；執行 `clerk hooks install --force` 取代它，或在其中呼叫 `clerk check --staged`
hooks-foreign-many = { $hooks } 已存在且不是 clerk 寫的；執行 `clerk hooks install --force` 取代它們，或在其中呼叫 `clerk check --staged`

# Session 8 (lead): association.decimals
config-decimals = 小數位數 `{ $n }`：請寫 0（整數金額，如新臺幣）或 2（到分，如人民幣、美元）

# Session 9 (reasons, issue #20 item 6): the last English messages
# E107 why a rule or condition gave no value for a record
why-empty = 記錄未填 { $fields }
why-field-named = `{ $field }`（{ $label }）
why-no-key = 沒有 { $key }
why-undeclared = 此處不認得 `{ $name }`
why-argument-count = 函式需要 { $expected } 個引數，卻給了 { $actual } 個
why-unexpected-type = 需要{ $want }，卻是{ $got }
why-bad-argument = 函式不能接受 { $value }
why-not-method = { $value } 不能呼叫 `.{ $method }()`
why-no-overload = `{ $function }` 不能用於{ $kinds }
why-not-comparable = { $left } 不能與 { $right } 比較
why-operator = `{ $op }` 不能用於 { $left } 與 { $right }
why-index = { $index } 不能作為 { $value } 的索引
why-out-of-bounds = 沒有第 { $index } 項
why-zero-division = 除以零
why-function = `{ $function }`：{ $message }
why-other = CEL 無法計算：{ $error }
why-not-text = 需要文字或文字清單，卻是 { $value }
why-value-empty = 空值
why-value-list = 清單
why-value-map = 對照表
why-kind-text = 文字
why-kind-number = 數字
why-kind-bool = 是非值
why-not-a-date = `{ $text }` 不是日期（YYYY-MM-DD）
why-not-months = { $value } 不是月數
why-date-range = 日期超出範圍
why-lookup-here = lookup() 只能用於登記簿與待辦清單
why-lookup-type = 沒有紀錄類型 `{ $type }`（類型：{ $types }）
# E105 an expression too large to evaluate safely
expr-too-long = 運算式超過 { $n } 個字元
expr-too-nested = 運算式巢狀超過 { $n } 層
expr-too-many-operators = 運算式有超過 { $n } 個運算子
# E101 a type file's `refs`, E100 clerk.yaml's `classifications`
refs-not-a-path = `{ $field }` 不是欄位路徑
refs-not-a-target = `{ $target }` 不是可引用的對象
refs-no-list = `{ $target }` 的 `#` 之後沒有寫清單名稱
levels-count = `classifications` 須列出 1 至 100 個密級，由低到高
levels-empty-id = 有一個密級的 `id` 是空的
levels-twice = 密級 `{ $id }` 重複列出
levels-unknown = `{ $id }` 不是密級；密級有：{ $levels }
# E100 clerk.yaml and E101 a type file that serde cannot read
serde-unknown-field = 未知的欄位 { $name }（可寫的欄位：{ $names }）
serde-unknown-field-none = 未知的欄位 { $name }：此處不可寫任何欄位
serde-unknown-variant = { $name } 不是可選的值（可選：{ $names }）
serde-unknown-variant-none = { $name } 不是可選的值
serde-missing-field = 缺少欄位 { $name }
serde-duplicate-field = 欄位 { $name } 寫了兩次
serde-invalid-type = 此處應為{ $want }，卻是{ $got }
serde-invalid-value = 此處應為{ $want }，卻是{ $got }
serde-found = { $kind } { $value }
serde-whole-number = 整數
serde-other = 無法讀取此設定：{ $message }
config-unknown-key-hint = clerk 讀取的設定：{ $settings }
config-not-an-offset = `{ $text }` 不是 UTC 時差：請寫成 +08:00（或 -05:00、+00:00），或寫時區名稱（Asia/Taipei）
config-not-a-zone = `{ $text }` 不是時區：{ $guess }請寫 tz 資料庫中的名稱（Asia/Taipei、Asia/Shanghai、Europe/London）或 UTC 時差（+08:00）
# `clerk schema` and `clerk corpus`
schema-description = `{ $type }` 記錄的前置欄位（{ $path }）
schema-name-a-type = 請指定一個記錄類型（`clerk schema document`），或以 `-o DIR` 寫出全部類型
schema-managed-note = 由 clerk（issue、archive、sign）或工作流程填寫
corpus-exists = { $path } 已存在；clerk corpus 只寫入新的資料夾
corpus-no-keys = { $path } 沒有可用來簽署的 .example-keys/（請用 records-example）
corpus-wrote = 已將 { $n } 筆記錄寫入 { $path }
# `clerk new`: the comment beside a field with allowed values, and what it cannot create
new-one-of = （可填：{ $choices }）
new-choice = { $id }（{ $label }）
cannot-create = 無法建立 { $path }
cannot-create-because = 無法建立 { $path }：{ $error }
# `clerk sign`: ssh-keygen, keys and attachments
sign-unreadable-signature = ssh-keygen 產生的簽章無法讀取：{ $error }
sign-not-their-key = { $key } 不是 people/ 中 { $name }（`{ $by }`）的金鑰；請將其公鑰加到此人記錄的 `keys:` 下
sign-key-not-valid-then = { $key } 在 { $date } 不在有效期內（有效期 { $window }）
sign-key-expired = { $key } 已過有效期（有效期 { $window }）；請用現行有效的金鑰簽署
sign-after-today = { $date } 晚於今天（{ $today }）：審批的日期就是給出審批的那天
sign-attachment-refused = { $path }：附件 `{ $name }` { $why }；請先修正再簽署
sign-attachment-unreadable = 無法讀取附件 `{ $name }`
sign-attachment-sealed = 附件 `{ $name }` 已加密，且所給的金鑰都無法開啟：請以 --identity KEY 簽署
sign-attachment-hashes = { $path }：無法寫入附件的 SHA-256：{ $error }
sign-no-home = 沒有 HOME 環境變數；請以 --key 指定金鑰
sign-no-key = 在 { $path } 找不到金鑰；請以 --key PATH 指定
sign-no-tempdir = 無法建立簽署用的暫存資料夾
sign-cannot-write-payload = 無法寫入待簽署的文字
sign-no-signature = ssh-keygen 沒有寫出簽章
sign-key-too-open = 警告：ssh-keygen 拒絕使用 { $key }；已直接以金鑰檔簽署（請執行 `chmod 600`）
sign-keygen-failed = ssh-keygen 無法以 { $key } 簽署
sign-no-keygen = 無法執行 ssh-keygen
sign-private-unreadable = 無法讀取私鑰 { $key }
sign-key-encrypted = { $key } 已設密碼；請安裝 ssh-keygen（OpenSSH）後再以此金鑰簽署
# `clerk advance`, `encrypt`/`decrypt` and the keys that open records
advance-set-by-clerk = `{ $field }` 由 clerk 填寫（以 `--to STATE` 推進狀態；以 `clerk sign` 審批）
advance-text-only = `{ $field }={ $value }`：`clerk advance` 只寫入文字與日期；清單、數字或是非值請在檔案中編輯
cannot-read-path = 無法讀取 { $path }
cannot-write-path = 無法寫入 { $path }
crypt-not-removed = 已寫入 { $target }，但無法刪除 { $path }
crypt-key-unreadable = 無法讀取金鑰 { $path }：{ $error }
crypt-not-a-private-key = { $path } 不是 SSH 私鑰：{ $error }
crypt-key-passphrase = { $path } 設有密碼；請用沒有密碼的副本解密，或以 `age -d` 搭配此金鑰
crypt-key-unsupported = { $path }：這種 SSH 金鑰不能解密 age 檔案
crypt-bad-recipient = 無法加密給 `{ $key }`：{ $error }
crypt-nobody = 沒有可加密給的對象
crypt-cannot-encrypt = 無法加密：{ $error }
# `clerk serve`, `clerk hooks install` and the site's build
serve-cannot-open = 無法開啟 `{ $path }`
serve-cannot-watch = 無法監看儲存庫的變更
serve-cannot-listen = 無法在 127.0.0.1:{ $port } 接受連線：{ $error }
serve-serving = 正在提供 { $path }：{ $url }
serve-built = 已建置（{ $ms } 毫秒）；正在監看變更（按 Ctrl-C 停止）
serve-page-updated = 頁面已更新（{ $ms } 毫秒）
serve-rebuilt = 已重新建置（{ $ms } 毫秒）
serve-no-thread = 無法啟動重新建置的執行緒
hooks-no-git = `{ $path }` 不在 git 儲存庫中
hooks-no-work-tree = 此 git 儲存庫沒有工作目錄
hooks-no-exe = 無法得知 clerk 安裝在何處
build-errors-found = `clerk check` 發現 { $n } 個錯誤；請修正，或加上 --allow-errors 仍然建置（受影響的記錄會被標示）
build-without-pdfs = 警告：網站建置時不含 PDF：{ $why }
search-no-thread = 無法啟動搜尋索引程式
search-failed = 搜尋索引程式失敗
search-not-built = 此 clerk 建置時未含搜尋功能（cargo feature `search`）
new-title-comment = 標題
# `clerk schema`: the fields every record has
schema-field-type = 記錄類型，即 types/ 中的一個檔案
schema-field-id = 唯一代碼；預設為去掉 .md 的檔名
schema-field-title = 記錄的標題
schema-field-classification = 誰可以看到此記錄
schema-field-approvals = 每個已完成的審批步驟一筆
schema-field-attachments = 記錄旁的檔案，以相對路徑列出；審批後各附其內容的 SHA-256
schema-field-status = 記錄在工作流程中的狀態
crypt-front-matter-broken = { $path }：新的前置欄位無法解析
build-attachment-unreadable = 無法開啟附件 { $path }

## clerk 拒絕寫入的修改（src/edit）
edit-no-front-matter = 檔案沒有前置資料（front matter）
edit-invalid-yaml = 前置資料不是有效的 YAML
edit-flow-style = `{ $field }` 以行內格式（[…]）書寫；請改寫為區塊清單（每行一個 `- ` 項目），clerk 才能加入項目
edit-unsafe = 此修改會變動超出應有的內容（clerk 拒絕寫入）

## clerk 無法讀寫的檔案（其後為原因）
io-create = 無法建立 `{ $path }`
io-write = 無法寫入 `{ $path }`
io-read = 無法讀取 `{ $path }`
io-resolve = 無法解析路徑 `{ $path }`
io-copy = 無法複製 `{ $path }`
io-replace = 無法替換 `{ $path }`
init-no-git = 無法把 `{ $path }` 設為 git 儲存庫
init-no-holidays = clerk 沒有附帶名為 `{ $name }` 的假日曆；附帶的有：{ $shipped }
diff-encrypted = { $path } 已加密；`clerk diff` 只讀明文記錄（請解密一份副本）
diff-no-git = { $path } 不在 git 儲存庫中：核准時的版本要從其歷史中尋找
