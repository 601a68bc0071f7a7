# clerk 的用语（简体中文）。保留 { $name } 等占位符；E012 等代码不翻译。

## `clerk check` 的摘要与说明
summary = 已检查 { $records }：{ $errors }，{ $warnings }（{ $seconds } 秒）
count-records = { $n } 条记录
count-errors = { $n } 个错误
count-warnings = { $n } 个警告
note-unreadable = 说明：有 { $n } 条加密记录未读取：没有可打开的密钥（用 --identity 提供您的密钥）；其余均已检查
grouped = ——另有 { $n } 项同类 { $code }（`clerk check --verbose` 逐项列出）
hint = 提示

## 字段与记录类型的结构
field-empty = `{ $field }` 尚未填写
field-empty-hint = 请在 `{ $field }:` 之后填写{ $about }
field-empty-hint-bare = 请在 `{ $field }:` 之后填写内容；若此字段非必填，可删除该行
field-empty-choice-hint = 请在 `{ $field }:` 之后填写下列之一：{ $choices }
field-missing = 缺少必填字段 `{ $name }`
field-missing-in = `{ $field }` 缺少必填字段 `{ $name }`
field-missing-hint = 请加上 `{ $name }:`（{ $about }）
field-missing-hint-bare = 请加上 `{ $name }:`
field-wrong-type = `{ $field }` 应为{ $expected }，但现在是{ $actual }
field-not-allowed = `{ $field }` 为 { $value }，此处不允许
field-unknown = 记录类型 `{ $type }` 没有字段 `{ $field }`
hint-did-you-mean = 是否要写 `{ $best }`？允许的值：{ $allowed }
hint-allowed = 允许的值：{ $allowed }
type-text = 文字
type-number = 数字
type-integer = 整数
type-boolean = true 或 false
type-list = 列表
type-mapping = 映射（键: 值）
type-empty = 空白
hint-type-text = 若 YAML 把值读成别的东西，请加上引号，例如 "2026"
hint-type-number = 请写数字，不加引号或单位，例如 1200.50
hint-type-list = 列表写成 `[甲, 乙]`，或每行以 `- ` 开头
hint-type-mapping = 请在此字段下以缩进写 `键: 值` 各行
hint-type-other = 请写{ $expected }

## 流程状态与审批
state-needs-field = 此{ $type_label }的状态为「{ $state_label }」，须填写 `{ $field }`（{ $field_title }）
state-needs-field-hint = 请加上 `{ $field }:`，或把状态改回「{ $before_label }」之前的状态
state-needs-approval = 此{ $type_label }的状态为「{ $state_label }」，须有「{ $step_label }」（`{ $step }`）审批
approval-stale = { $by_name }于 { $date } 审批之后记录已有改动：这项「{ $step_label }」审批已不涵盖现在的内容
approval-stale-hint = `clerk diff { $path } --step { $step } --by { $by }` 显示改动之处；请{ $by_name }审批新内容（`clerk sign { $path } --step { $step } --by { $by }`），或还原改动
transition-refused = 状态由 { $was_label } 改为 { $is_label }，流程不允许这一步
transition-repair = `{ $was }` 不是{ $type_label }的状态；请改为 { $allowed_labels }
transition-final = { $type_label }到了 { $was_label } 便不再变动
transition-allowed = { $type_label }由 { $was_label } 只能改为：{ $allowed_labels }

## Feeds (search task, issue #19 item 8): W125
feed-base-url-missing = 订阅源（Atom、iCalendar）构建时没有 `site.base_url`：链接是相对地址，订阅软件无法打开
feed-base-url-missing-hint = 在 clerk.yaml 写上本站发布的网址，例如在 `site:` 下写 `base_url: https://archive.example.org/`
feed-timezone-missing = 日历读取活动时间，但未设置 `association.timezone`：活动只能以全天显示
feed-timezone-missing-hint = 在 clerk.yaml 的 `association:` 下写上与 UTC 的时差，例如 `timezone: "+08:00"`

## ── 以员工的语言说话（issue #20 第 6 项），按代码分组 ──

# 列表
list-and = 、
list-or = 或
list-semicolon = ；
role-for = { $role }（{ $scope }）
step-named = `{ $step }`（{ $step_label }）

# E030 未知审批步骤、E031 无规则、E032 职务不得审批、E033 未担任职务、E034 不得审批
unknown-step = `{ $step }` 不是{ $type_label }的审批步骤
unknown-step-none = 记录类型「{ $type_label }」没有审批步骤
unknown-step-list = 审批步骤：{ $steps }
no-rule-applies = 记录类型「{ $type_label }」没有规则说明此记录的「{ $step_label }」由谁审批
no-rule-applies-hint = 请在 { $file } 的 `approvals.{ $step }.by` 下加一条涵盖此记录的规则
role-not-allowed = { $role_label }不得给予此记录的「{ $step_label }」审批；须由{ $allowed_labels }审批
role-not-held = { $by_name }于 { $date } 并未担任{ $needed_labels }
approver-excluded = { $by_name }不得给予此记录的「{ $step_label }」审批
approver-excluded-hint = 任何人不得审批自己的申请；须由担任该职务的其他人审批
could-have = { $date } 当天可审批者：{ $names }
could-have-one = { $name }（{ $role_label }）
could-have-nobody = { $date } 当天没有人担任所需职务

# E036 谁可给予缺少的审批
sign-hint = 请{ $name }（{ $role_label }）执行 `clerk sign { $path } --step { $step } --by { $by }`
sign-hint-also = ；也可由{ $others }审批
sign-hint-other = { $name }（{ $role_label }，`--by { $by }`）
sign-hint-nobody = 今天没有人担任可给予此记录「{ $step_label }」审批的职务
add-approval = 请加上此审批（{ $how }）
describe-step = 由{ $roles_labels }审批
describe-step-none = 没有适用于此记录的规则

# E049 重复审批
approval-twice = { $by_name }重复给予「{ $step_label }」审批
approval-twice-hint = 请只保留一项；`clerk sign { $path } --step { $step }` 会取代{ $by_name }先前的审批

# E069 日期先后不符
approval-after-today = { $by_name }的「{ $step_label }」审批日期为 { $date }，晚于今天（{ $today }）
approval-after-today-hint = 审批日期即给予审批的那一天；请在当天签署
date-before-approval = `{ $field }`（{ $field_title }）为 { $day }，早于所需的「{ $step_label }」审批（{ $approved }，{ $by_name }）
date-before-approval-hint = `{ $field }` 是记录进入「{ $state_label }」的日期，应在各项审批当天或之后

# E107 无法判定的状态要求
rule-undecided = 无法判定此记录在「{ $state_label }」状态的要求条件 `{ $when }`：{ $why }
rule-undecided-hint = 请填写该条件读取的字段，或在 { $file } 中更正条件
rule-undecided-value = 结果为 { $value }，不是 true 或 false

# `clerk sign`：谁不得给予审批
no-known-type = { $path } 的记录类型不明
not-a-step = `{ $step }` 不是{ $type_label }的审批步骤（审批步骤：{ $steps }）
may-not-give = { $by_name }于 { $date } 不得给予此记录的「{ $step_label }」审批：须由{ $needed_labels }审批；{ $could }
may-not-give-no-rule = 适用规则所指定的人

# E050–E056 签章
signature-malformed = 签章不是 SSH 签章（-----BEGIN SSH SIGNATURE-----）
signature-malformed-hint = 请以 `clerk sign` 重新签署；不要手动修改签章
signature-missing = { $by_name }的「{ $step_label }」审批尚未签章
signature-missing-hint = 请{ $by_name }以 `clerk sign { $path } --step { $step }` 签署
signer-own-key-hint = 审批人以自己的密钥签署，密钥列在其人员记录的 `keys:` 之下
signed-by-another = 签章用的是{ $owner_name }的密钥，不是{ $by_name }的
signer-no-keys = { $by_name }没有登记 SSH 密钥，无法核对签章
signer-unknown = 签章所用的密钥没有登记在任何人员记录中（不是{ $by_name }的密钥）
key-not-valid = { $by_name }的密钥于 { $date } 并非有效（有效期间 { $window_shown }）
key-not-valid-hint = 请以审批当天有效的密钥签署；密钥不能在有效期间以外审批
key-window = { $from } 至 { $until }
signature-other-namespace = 这个签章是为 `{ $namespace }` 而签，不是 clerk 审批的签章
signature-other-namespace-hint = 请以 `clerk sign` 签署
signature-invalid = 签章与此记录中{ $by_name }以{ $role_label }身份于 { $date } 给予的「{ $step_label }」审批不符
signature-invalid-hint = 签章是为另一笔记录、步骤、职务或日期而签，或内容已有更动；请以 `clerk sign` 重新签署

# E044–E045 预算、E047/W047 应有的记录
budget-not-approved = `{ $budget }` 不是已批准的预算
budget-not-approved-hint = 请列支在当年度已批准的预算
budget-other-year = 日期为 { $date }，却列支在 { $year } 年度的预算
budget-other-year-hint = 请列支在 { $year } 年度预算的科目
over-budget = 科目 `{ $line }` 的支出累计 { $total }，超过核定的 { $limit }
over-budget-hint = 请减少金额、改列其他科目，或请理事会批准预算调整
coverage-missing = { $name }：{ $message }
coverage-missing-hint = 请新增一笔{ $type_label }记录，在 `{ $field }` 填上 `{ $id }`
coverage-period = { $message }（{ $period }）

# E037–E040 理事会决议、E106 理事会设置
council-missing = 此{ $type_label }的状态为「{ $state_label }」，须在 `{ $field }`（{ $field_title }）引用理事会决议
council-missing-hint = 请以 `{ $field }: 会议编号#决议编号` 引用决议
council-unset = 需要理事会决议，但 clerk.yaml 没有 `council:` 设置
council-unset-hint = 请在 clerk.yaml 加上 `council:`，并写明 `quorum:` 与 `majority:`
not-council-meeting = 「{ $meeting_title }」不是理事会会议（`{ $field }` 不是 `{ $kind }`）
not-council-meeting-hint = 请引用理事会会议的决议
meeting-not-held = 理事会会议「{ $meeting_title }」的状态为「{ $state_label }」，尚未举行
meeting-not-held-hint = 会议状态为「{ $held_labels }」后，其决议才算数
council-too-late = 理事会会议「{ $meeting_title }」于 { $date } 举行，晚于{ $what }（{ $deadline }）
council-too-late-hint = 须先经理事会决议；请引用较早的决议，或在会议之后重新审批
deadline-approval = 「{ $step_label }」审批
deadline-field = { $field_title }
inquorate = `{ $cited }` 不算数：理事 { $members } 人中只有 { $present } 人出席，法定人数为{ $quorum }
inquorate-hint = 出席不足法定人数的会议所作决议，须在达到法定人数的会议上重新通过
no-votes = `{ $cited }` 没有记录表决票数，无法证明已通过
no-votes-hint = 请在 { $path } 的该项决议记录 `{ $votes }`
not-passed = `{ $cited }` 未获通过：投票 { $cast } 票中赞成 { $yes } 票，须{ $majority }
not-passed-hint = 请引用已通过的决议
share-more-than = 超过 { $share }
share-at-least = 至少 { $share }
share-any = 任何比例

# E058–E063 变更的检查
kept-deleted = 这笔{ $type_label }的状态为「{ $status_label }」，必须保存，却被删除了
kept-deleted-hint = 已印发及已归档的记录必须保存；请还原该文件（`git restore --staged --worktree` 该文件）
keys-not-in-force = 依本次变更之前有效的密钥：{ $message }
keys-not-in-force-hint = 新增的密钥要在加入它的提交生效后才能使用；请以先前已有的密钥审批，或先单独提交新增密钥
rules-not-in-force = 依本次变更之前有效的规则：{ $message }
signed-with-expired-key = 本次变更加入了{ $by_name }的签章，所用密钥今天（{ $today }）已非有效（有效期间 { $window }）
signed-with-expired-key-hint = 审批在给予时签署，所用密钥当时及现在都须有效；已过期的密钥不能再加入审批
final-changed = 这笔{ $type_label }的状态为「{ $was_label }」，此状态的记录不得再修改
final-changed-hint = 请还原修改；更正应另立一笔记录并引用本记录
immutable-changed = `{ $field }`（{ $field_title }）原为 `{ $old }`，不得更改
immutable-changed-hint = 请改回 `{ $field }: { $old }`

# E105 记录类型文件中的表达式
expr-too-deep-hint = 请拆成几个较简单的表达式
expr-not-cel = 表达式 `{ $source }` 不是有效的 CEL：{ $problem }
expr-not-cel-hint = 请参考 https://github.com/google/cel-spec/blob/master/doc/langdef.md；文本值须加引号，例如 record.kind == 'council'
expr-problem = 表达式 `{ $source }`：{ $problem }
expr-undefined = 表达式 `{ $source }` 用到未定义的 `{ $name }`
expr-undefined-hint = 表达式可使用：{ $names }
expr-undeclared = 表达式 `{ $source }` 读取 `record.{ $field }`，但此记录类型没有声明这个字段
expr-undeclared-hint = 请在 `fields.properties` 下声明该字段，或更正字段名称

# `clerk due`
due-person = { $name }
due-overdue = 逾期
due-due = 到期
due-line = { "  " }{ $date }  { $flag }  { $kind }：{ $what }（{ $path }）
due-summary = 至 { $until } 到期 { $n } 项，其中 { $overdue } 项已逾期（截至 { $as_of }）

# `clerk sign`
role-named = `{ $role }`（{ $role_label }）
not-a-person = `{ $by }` 不是 people/ 中的人员
sign-not-as = { $by_name }于 { $date } 不得以{ $role_label }身份给予「{ $step_label }」审批；可用的职务：{ $roles_labels }
sign-several-roles = { $by_name }可以不同职务给予「{ $step_label }」审批（{ $roles_labels }）；请以 --role 选择其一
signed = 已签署 { $path } 的「{ $step_label }」审批：{ $by_name }，{ $role_label }，{ $date }
signed-in-place = ，取代先前的审批
status-moved = 状态：{ $from_label } → { $to_label }
status-stays = 状态仍为「{ $from_label }」：若改为「{ $to_label }」，会有以下问题：
attachments-bound = { $path }：{ $n } 个附件已按内容（SHA-256）绑定，审批涵盖这些附件

# `clerk advance`，以及 `clerk sign` 之后的下一步
state-named = 「{ $state_label }」（`{ $state }`）
now-final = { $path } 现在是「{ $state_label }」：流程已完成
now-next = { $path } 现在是「{ $state_label }」；下一步：
next-state = { "  " }→ 「{ $state_label }」：{ $takes }
next-approval = 「{ $step_label }」审批{ $stale }——{ $hint }
next-again = （须重新审批：{ $by_name }的审批已不涵盖现在的内容，`clerk diff { $path } --step { $step } --by { $by }` 显示改动之处）
next-then = ；然后
sets-dates = （{ $titles }填上当天日期）
no-workflow = 记录类型「{ $type_label }」没有流程（{ $file }）
advance-not-a-state = `{ $to }` 不是{ $type_label }的状态（状态：{ $list }）
advance-final = { $path } 是「{ $state_label }」，此状态不再变动
advance-only = { $path } 是「{ $state_label }」；只能改为 { $list }，不能改为 `{ $to }`
advance-which = { $path } 是「{ $state_label }」；请以 --to 指定状态：{ $list }

# `clerk inbox`
inbox-whose = 要看谁的待办？请以 `--as 人员编号` 指定、设置 CLERK_PERSON，或把您的公钥（~/.ssh/id_ed25519.pub）列在您的人员记录中
inbox-person = { $name }：{ $n } 项待办（截至 { $as_of }）
inbox-approvals = 待审批
inbox-tasks = 待办
inbox-since = ，自 { $date } 起等候
inbox-again = ，须重新审批：您审批后记录已有改动

# `clerk read`，以及所有修改记录的命令
field-set = { $title }：{ $value_label }
list-fields = ，
fields-set = { $path }：{ $fields }
field-status = 状态
not-changed = { $path } 未修改；修改后会有以下问题：
read-who = 是谁阅读的？请以 `--as 人员编号` 指定，或设置 CLERK_PERSON
read-already = { $name }已于 { $date } 阅读 { $path }
read-done = { $path }：{ $name }已于 { $date } 阅读
read-not-circulated = 「{ $type_label }」（`{ $type }`）类记录不传阅：{ $file } 没有 `circulation:`（例如 `circulation: {"{"}field: circulation, person: person, date: read_on{"}"}`）

## 退回意见保存在记录中：`clerk advance --comment`、审批桌
advance-returned = { $name } 退回：{ $comment }
advance-return-who = 由谁退回？请加上 `--as 人员代码` 或设置 CLERK_PERSON
advance-return-needs-comment = { $path } 将退回之前的状态：请以 `--comment 文字` 写明退回意见（「{ $type_label }」类记录会保存每次退回及其理由）
advance-comment-not-back = `--comment` 只在记录退回之前状态时保存；{ $path } 是往下一步
advance-comment-no-list = 「{ $type_label }」（`{ $type }`）类记录不保存退回意见：{ $file } 没有 `returns:`（例如 `returns: {"{"}field: returns{"}"}`，并在 fields 下声明该列表）
inbox-returned = { $name } 退回

# E100–E108 加载 clerk.yaml 与记录类型文件
yaml-invalid = YAML 语法错误：{ $problem }
yaml-invalid-hint = 请修正此处的 YAML 语法
yaml-not-mapping = 应为「设置: 值」的映射，却是{ $found }
config-unknown-key = 未知的设置 `{ $key }`
config-department-twice = 部门 `{ $id }` 重复列出
config-department-twice-hint = 每个部门须有自己的 id
type-no-field = `{ $name }` 不是已声明的字段
type-no-state = `{ $state }` 不是流程中的状态
type-states-hint = 已声明的状态：{ $states }
type-no-states = 流程至少须有一个状态
type-declare-field-hint = 请在 `fields.properties` 下声明
type-no-step = `{ $step }` 不是此记录类型的审批步骤
type-no-step-hint = 请在 `approvals:` 下声明，并写明可审批的职务
type-before-unknown = `{ $step }` 既不是此记录类型的审批步骤，也不是字段
type-before-unknown-hint = 请写决议必须早于的审批步骤，或一个日期字段
type-layout-field-hint = 请写此记录类型 `fields:` 中的字段（或在那里加上）
type-ref-unknown = `{ $field }` 引用的记录类型 `{ $name }` 在 types/ 中没有文件
type-ref-unknown-hint = 已有的记录类型：{ $types }
type-ref-no-list = `{ $field }` 引用 `@{ $list }`，但 clerk.yaml 没有列表 `{ $list }`
type-ref-no-list-hint = 请在 clerk.yaml 加上 `{ $list }:`，每项写明 `id:`
schema-not-object = `fields` 必须是 JSON Schema 对象
schema-not-object-hint = 请写 `fields:`，其下写 `properties:` 与 `required:`
schema-required-undeclared = 必填字段 `{ $field }` 没有在 `fields.properties` 下声明
schema-required-undeclared-hint = 请声明 `{ $field }` 及其结构，或从 `required` 中移除
schema-invalid = 字段结构不是有效的 JSON Schema：{ $detail }
schema-invalid-hint = 关键字请参考 https://json-schema.org/understanding-json-schema/

# E017–E018 引用
reference-broken = 没有 id 为 `{ $id }` 的记录
reference-did-you-mean = 是否要写 `{ $best }`？
reference-create = 请创建该{ $type_labels }记录，或更正 id
reference-wrong-type = `{ $id }` 是{ $type_label }记录（{ $path }），此处应为{ $wanted_labels }记录
reference-wrong-type-hint = 请写一笔{ $wanted_labels }记录的 id

# E004–E007、E020 记录的前置字段（front matter）
file-empty = 文件是空的
file-empty-hint = 文件请以 `---`、记录的字段、`---` 开头；或在 clerk.yaml 的 `ignore` 中列出此文件
no-front-matter = 文件没有前置字段（front matter）
no-front-matter-hint = 记录以一行 `---` 开头，接着是 `type:` 与 `title:`，再一行 `---`；若此文件不是记录，请加到 clerk.yaml 的 `ignore`
front-matter-open = 前置字段在此开始，却没有结束
front-matter-open-hint = 请在最后一个字段之后加一行 `---`
front-matter-yaml = 前置字段的 YAML 语法错误：{ $problem }
front-matter-not-mapping = 前置字段应为 `字段: 值` 各行，却是{ $found }
front-matter-not-mapping-hint = 每个字段各写一行，格式为 `名称: 值`
unsupported-yaml-hint = 请使用文本、数字、日期、列表与映射
yaml-hint-duplicate = 每个字段只能出现一次；请删除或更名重复的字段
yaml-hint-deep = 前置字段嵌套或重复得太深；请简化
yaml-hint-colon = 含有 `: ` 的值须加引号，例如 title: "会议: 第一次"
yaml-hint-tab = 缩进请用空格，不要用 Tab
yaml-hint-other = 请检查这一行及上一行的缩进与引号

# E008–E009、E016 记录的类型与 id
type-named = `{ $type }`（{ $type_label }）
type-missing = 记录没有 `type`
type-missing-hint = 请加上 `type:`，填下列之一：{ $types }
type-not-text = `type` 必须是文本，却是{ $kind }
type-use-one = 请填下列之一：{ $types }
type-unknown = 未知的记录类型 `{ $type }`
type-did-you-mean = 是否要写 `{ $best }`？（记录类型即 types/ 中的文件）
bad-id = id `{ $id }` 含有 id 不能使用的字符
bad-id-hint = 请使用字母、数字、`-`、`_` 与 `.`，并以字母或数字开头（不可有空格、`#` 或 `/`）
bad-file-id = 文件名 `{ $id }` 不是有效的 id
bad-file-id-hint = 请以字母、数字、`-`、`_` 与 `.` 重新命名文件，或在前置字段写 `id:`

# `clerk diff`
diff-nothing = { $path }：所选的审批与记录现在的内容相符；之后没有改动
diff-never-committed = { $path }：git 历史中没有任何版本是{ $by_name }于 { $date } 签署「{ $step_label }」审批时的内容；那个版本从未提交
diff-since = { $path }：{ $by_name }于 { $date } 给予「{ $step_label }」审批之后的改动（提交 { $commit } 的版本，{ $commit_date }）
diff-fields = 字段：
diff-field = { $title }（{ $field }）
diff-body = 正文（[-删除-] {"{"}+新增+{"}"}）：
diff-layout-only = 只有换行、排版或次序改变（不影响审批涵盖的内容）

# E041–E042、W043 编号
number-other-issuer = `{ $value }` 不是此编号规则的编号：发文机关代字应为 `{ $issuer }`，不是 `{ $found }`
number-other-issuer-hint = 此规则的编号以 `{ $issuer }` 开头；`clerk issue` 会给下一个编号
number-other-year = `{ $value }` 的年份是 { $numbered }，但 `{ $field }` 在 { $year } 年
number-other-year-hint = 括号中的年份是 `{ $field }` 的年份；编号每年从 1 重新开始
number-format = `{ $value }` 不符合编号格式
number-format-hint = 编号应如 `{ $example }`（clerk.yaml 中的格式 `{ $format }`）
number-brackets-hint = ；年份须用六角括号〔〕（U+3014、U+3015），不是 [] 或 ()
not-unique = `{ $value }` 已被 { $path } 使用
not-unique-hint = 每个 `{ $field }` 只能用一次；请给下一个未用的编号
number-gap = { $issuer } { $year } 年的编号跳过了 { $missing }
number-gap-hint = 编号须依序、不可跳号；请找出缺少的记录，或注明该编号作废的原因

# E046/W046 与 E107 记录类型文件的规则
rule-is = 规则为 { $file }:{ $line } 的 `{ $rule }`
rule-unevaluated = 规则 `{ $rule }`（{ $file }:{ $line }）无法对此记录判定：{ $why }
rule-when-unevaluated = 条件 `{ $rule }`（{ $file }:{ $line }）无法对此记录判定：{ $why }
rule-unevaluated-hint = 请填写规则读取的字段，或在记录类型文件中以 `when:` 限定规则（例如 `has(record.end)`）

## 协会组织与归档（clauses，议题 #18）
coverage-period-missing = { $message }：{ $period }
coverage-period-missing-hint = 请新增一条{ $type_label }记录，写上 `{ $field }: { $period }`
role-limit-exceeded = { $date } 同时有 { $count } 人担任{ $role }：{ $names }；clerk.yaml `role_limits` 至多 { $limit } 人
role-limit-exceeded-hint = 请以 `until:` 结束其中一人的职务，日期为另一人就任的前一天
role-limit-always = 每一天（职务未写 `from:`）
role-limit-unknown-role = `role_limits` 所写的职务 `{ $role }` 无人担任，人员类型也未列出
role-limit-unknown-role-hint = 职务请照人员类型 `roles[].role` 所列的写法
archive-number-layout = 档号 `{ $number }` 与本记录不符：应为 `{ $expected }`（N 为件号的一位数字，? 为记录未载明的部分）
archive-number-layout-hint = 档号格式为 clerk.yaml `archive.format` `{ $format }`，年度、保管期限与部门取自本记录；`clerk archive` 会代为写入 `{ $field }`
filer-without-approver = { $date } 无人可为 { $count } 位可提交者给予{ $type_label }（{ $case }）的“{ $step_label }”：{ $names }
filer-without-approver-hint = 请在 `approvals.{ $step }.by` 加上涵盖他们的规则（由他人担任的职务），或指派人担任该职务
filer-case-unevaluated = 此情形无法为 `{ $id }` 计算：{ $error }

## ── Session 8 (messages task, issue #20 item 6): the remaining findings and command output ──

# E101 a text the association writes in a language clerk does not speak
written-unknown-language = `{ $lang }` 不是 clerk 使用的语言
written-unknown-language-hint = 请以 `zh-Hant`、`zh-Hans` 或 `en` 书写，或只写一段适用各语言的文字

# Registers' own words (in the register's language, the association's)
register-total = 合计
register-subtotal = { $key }小计
register-id-suffix = 代码

# E065–E067, W068 changes to the rules, roles and keys (governance)
governed-part-rules = 规则
governed-part-person = 人员
governed-part-roles = 职务
governed-part-keys = 密钥
governance-off = 这项{ $part }的变更无须核准：clerk.yaml 没有 `governance:`
governance-off-hint = 请在 clerk.yaml 的 `governance:` 下写明修订记录的记录类型，让规则、职务与密钥的变更如记录一样经过核准
governed-stale = 修订记录核准的 `{ $path }` 是 { $listed }，但这次变更后是 { $digest }
governed-stale-hint = 文件在修订记录核准后又有改动：请写上新的摘要值，并重新核准修订记录
governed-unsigned = 未签署
governed-key = 密钥 { $key }
governed-approval = { $path }：{ $by }（{ $role }）于 { $date } 给予 { $step }，{ $key }
governed-no-status = 没有状态
governed-draft = `{ $path }` 这项{ $part }的变更列在 { $amendment }，但其状态为 { $status }，尚未核准
governed-unapproved = `{ $path }` 这项{ $part }的变更须有已核准的修订记录，但这次提交没有一份列出它
governed-unapproved-hint = 请在修订记录（`clerk new { $type }`）中列为 `{"{"}file: { $path }, digest: { $digest }{"}"}`，经核准（`clerk sign`）后与变更一同提交
governed-unauthorized = 依变更前施行的规则：{ $message }
governed-unauthorized-hint = 修订记录须由变更前具有权限的人，以其当时持有的密钥核准

# E070–E078 encryption at rest
and-more = 等 { $n } 条
must-be-encrypted = { $type }记录（{ $level }）须加密存储，但这条是明文
must-be-encrypted-hint = 请加密：`clerk encrypt { $path }`（明文文件会换成 { $path }.age）
reader-not-allowed = 有 { $n } 把已无权阅读此记录的密钥仍能打开它
reader-not-allowed-hint = 有人离职或职务变动：请用您的密钥执行 `clerk reencrypt`
reader-missing = 有权阅读者无法打开：{ $names }
reader-missing-hint = 请用您的密钥执行 `clerk reencrypt`，让他们能打开
envelope-missing = 加密时没有明文封套：没有密钥时，`check`、`issue` 与 `archive` 看不到它的编号
envelope-missing-hint = 请用您的密钥执行一次 `clerk reencrypt`，它会加上封套
envelope-differs = `{ $field }` 在记录中是 `{ $record }`，在封套中却是 `{ $envelope }`
envelope-mismatch = 明文封套与记录不符：{ $differ }
envelope-mismatch-hint = 这个文件不是 clerk 写的；请从 git 还原，或用您的密钥执行 `clerk reencrypt`，依记录重写封套
header-edited = 加密文件的文件头在没有密钥的情况下被改动：同样的内容换了封套或阅读者
header-edited-hint = 请从前一次提交还原文件（`git checkout HEAD~ -- FILE`）；clerk 只通过 `encrypt`、`reencrypt` 与编辑记录的命令写入加密文件
confidential-plaintext = 有 { $n } 条机密记录以明文存储：{ $paths }{ $more }
confidential-plaintext-hint = 任何取得仓库的人都能阅读：请逐一 `clerk encrypt FILE`，或将其类型列在 `encryption.required` 下，使之成为错误

# E021–E023, W024 attachments
refused-outside = 指向仓库之外
refused-hidden = 位于隐藏或略过的文件夹（如 .git 或存放密钥的文件夹）
refused-record = 是记录或加密文件（附件名称请不要加 `.age`），不是附件
refused-key = 含有私钥
refused-missing = 不存在
attachment-refused = 附件 `{ $name }` { $why }
attachment-refused-hint = 请附上仓库内、记录旁的文件——扫描件、PDF、图片；不可附上记录、密钥或 .git 下的任何东西
attachment-name-twice = 此记录有两个附件都叫 `{ $name }`：网站每个名称只保留一个文件
attachment-name-twice-hint = 请将其中一个文件改名
attachment-plain = 须加密存储的记录，其附件 `{ $name }` 是明文
attachment-plain-hint = `clerk encrypt { $path }` 会连同记录的明文附件一起加密
attachment-unbound = 此记录的审批未涵盖 `{ $name }` 的内容：该项没有 SHA-256
attachment-unbound-hint = 请写成 `{"{"}file: { $name }, sha256: { $sha256 }{"}"}`（第一次审批时 `clerk sign` 会自动加上）；之前签署的审批将随之失效
attachment-unreadable = 无法读取（{ $error }）
attachment-changed = 附件 `{ $name }` 不是此项所指的文件：其 SHA-256 为 { $found }
attachment-changed-hint = 请放回记录核准时的文件（git 可查看先前版本）；换成新文件须重新审批

# `clerk issue` and `clerk archive`: refusals
issue-not-numbered = { $type_label }（`{ $type }`）记录不编号：{ $file } 没有带 `sequence` 的 `unique` 项目
issue-already = { $path } 已有 { $field } `{ $number }`
issue-no-numbering = { $file } 指定的编号规则 `{ $scheme }` 在 clerk.yaml 中没有定义
issue-no-issuer = clerk.yaml 的编号规则 `{ $scheme }` 没有 `issuer`（例如 `issuer: 协秘`）
issue-unknown-type = { $path }：类型 `{ $type }` 在 types/ 中没有记录类型文件
issue-needs-field = { $state }还须填写 `{ $field }`（{ $field_label }）；请先填上
issue-no-state = 任何状态都不行
issue-wrong-state = { $path } 的状态为{ $state }；只有从{ $from }才能变为{ $target }
issue-blind = 无法给出下一个 `{ $field }`：有 { $n } 条加密记录没有可读的封套，没有密钥就看不到其编号：{ $paths }
issue-blind-hint = 请能阅读者执行一次 `clerk reencrypt`（会加上封套），或以 --identity KEY 执行此命令
archive-no-settings = clerk.yaml 没有 `archive:` 设置（全宗号、类别、格式）；请参阅 clerk README 的“Starting, writing, issuing, filing”一节
archive-not-archived = { $type_label }（`{ $type }`）记录不归档：{ $file } 没有 `{ $field }` 字段
archive-no-retention = 没有保管期限：请在记录中填写 `{ $field }`，或在 { $file } 中设置 `retention`
archive-bad-retention = 保管期限 `{ $retention }` 不在 { $allowed } 之中（clerk.yaml `archive.retention`）
archive-no-department = 记录没有写 `department`，clerk.yaml `archive.department` 也没有指定归档部门
archive-unknown-department = 部门 `{ $id }` 不在 clerk.yaml 的 `departments` 中
archive-department-no-code = 部门 `{ $id }` 在 clerk.yaml 中没有 `code`（档号所用的代码，例如 ZHB）

# `clerk new`: refusals
new-no-type = 没有 `{ $type }` 这种记录类型（types/{ $type }.yaml）；现有类型：{ $types }
new-bad-id = `{ $id }` 不能作为文件名
new-exists = 记录 `{ $id }` 已经存在
new-not-pair = `{ $pair }` 不是“字段=值”的写法
new-no-field = { $type_label }（`{ $type }`）记录没有 `{ $field }` 字段
new-set-by-clerk = `{ $field }` 由 clerk 填写，不能用 `clerk new` 指定
new-not-yaml = `{ $value }` 不是 YAML 值（请加上引号，例如 { $field }="{ $value }"）
new-roles-not-person = --role 与 --key 只用于人员（`clerk new { $people }`），不适用于{ $type_label }
new-schema-invalid = { $file }：`{ $field }` 的结构定义无效：{ $error }
new-value-refused = { $type_label }不接受 `{ $field }={ $value }`：{ $error }
new-value-not-one-of = { $type_label }不接受 `{ $field }={ $value }`；`{ $field }` 须为下列之一：{ $allowed }
new-part-not-one-of = { $type_label }的 `{ $field }` 不接受 { $part }；须为下列之一：{ $allowed }
new-not-a-key = `{ $path }` 不是 OpenSSH 公钥（{ $error }）；请提供 ssh-keygen 生成的 `.pub` 文件

# `clerk register` and `clerk report`
register-unknown = 没有 `{ $name }` 这个登记簿；现有登记簿：{ $names }
register-xlsx-terminal = Excel 工作簿不能输出到终端：请用 `-o { $name }.xlsx` 写入文件，或将输出重定向到文件（`> { $name }.xlsx`）
report-unknown = 没有 `{ $name }` 这份报表；现有报表：{ $names }、annual
wrote = 已写入 { $path }

# E078 a classification below the type's lowest
level-named = 「{ $level_label }」（`{ $level }`）
none-listed = （无）
below-lowest = { $type_label }不得为{ $claimed }：此类记录的最低密级是{ $floor }（规则 §6.1），所以仍为{ $floor }
below-lowest-declassify-hint = 请删除这一行，或办理解密：由 { $file } 允许的人给予「{ $step_label }」审批（`clerk sign { $path } --step { $step }`）
below-lowest-hint = 请删除这一行：{ $file } 不允许此类记录解密
declassified-by-unknown = `declassified_by: { $step }` 不是此记录类型的审批步骤
declassified-by-unknown-hint = 请在 `approvals:` 下声明此步骤（谁可解密），或改用下列之一：{ $steps }

# E015 an id used twice, E017/E019 references into clerk.yaml and to a part of a record
duplicate-id = id `{ $id }` 已被 { $path } 使用
duplicate-id-hint = 请给此记录自己的 `id:`（或将文件改名）；否则引用会混淆
anchor-needed = `{ $value }` 须指向{ $types }的 `{ $list }` 中的一项
anchor-needed-hint = 请写成 `{ $value }#ID`，ID 为 `{ $list }` 中该项的 id
config-item-did-you-mean = 您是指 `{ $best }` 吗？（{ $list } 列在 clerk.yaml 中）
config-item-list = clerk.yaml 所列的 { $list }：{ $ids }
config-item-missing = clerk.yaml 的 `{ $list }` 中没有 `{ $value }`
anchor-none = { $path } 没有 `{ $list }`
anchor-list = { $path } 的 { $list }：{ $ids }
anchor-missing = `{ $id }` 的 `{ $list }` 中没有 `{ $anchor }` 这一项

# E013, E014/W014 fields against the type's schema (the rest)
did-you-mean = 您是指 `{ $best }` 吗？
type-declares = 记录类型 `{ $type }` 声明的字段：{ $fields }
unknown-field-hint = 请删除，或在记录类型的字段定义中声明
field-not-constant = `{ $field }` 是 { $value }，但必须是 { $expected }
field-bad-format = `{ $field }` 是 { $value }，不是有效的{ $format }
front-matter = 前置字段
format-date = 日期（YYYY-MM-DD）
format-date-time = 日期时间（YYYY-MM-DDTHH:MM:SS+08:00）
format-time = 时间（HH:MM:SS+08:00）
format-email = 电子邮件地址
format-date-hint = 日期请写成 YYYY-MM-DD，月与日须真实存在，例如 2026-03-02
format-email-hint = 请写成 name@example.org 这样的地址
format-other-hint = 请写成有效的 { $format }

# W090 labels missing, E106 a numbering clerk.yaml does not define
label-missing = 有 { $n } 个字段、值或流程状态没有标签：{ $listed }
label-missing-hint = 请为每个字段写 `title:`，每个允许值写 `oneOf: [{"{"}const: VALUE, title: LABEL{"}"}]`，每个状态在 `workflow.labels` 写一项
numbering-undefined = `unique` 指定的编号规则 `{ $seq }` 在 clerk.yaml 中没有定义
numbering-undefined-hint = 请在 clerk.yaml 加上 `numbering: {"{"}{ $seq }: {"{"}format: "{"{"}issuer{"}"}〔{"{"}year{"}"}〕{"{"}serial{"}"}號"{"}"}{"}"}`

# `clerk check`: refusals, notes and the chain of governance (`clerk audit`)
check-config-invalid = clerk.yaml 无效，因此没有检查任何记录
check-files-and-scope = 只有检查文件现状时才能指定文件；--staged 与 --since 检查的是整个仓库（DIR）
check-not-a-file = `{ $path }` 不是记录文件（请给一个仓库，或若干文件）
check-other-repository = `{ $path }` 不在 `{ $root }` 的仓库中
check-null-revision = 说明：`--since { $rev }` 不指向任何提交（git 的空版本：首次推送或新分支），因此从第一次提交起检查全部历史
chain-heading = 治理记录（规则、职务与密钥共变更 { $n } 次）：
chain-changes = 变更 { $change }
chain-approved = 核准 { $approval }
chain-unapproved = 没有修订记录核准
gate-no-commit = `{ $rev }` 不指向任何提交
gate-not-ancestor = `{ $rev }` 不是 HEAD 的祖先，之后的提交不是这个分支的历史；请给出分支的起点（`git merge-base { $rev } HEAD`）
gate-root-mismatch = 这段历史从提交 { $found } 开始，不是协会所固定的起点 { $pinned }：这不是协会的历史

# Commands that open one record: refusals
not-in-repository = `{ $path }` 不在 clerk 记录仓库中（上层文件夹没有 clerk.yaml）
config-invalid-nothing-done = { $file } 无效，因此没有做任何事
not-a-file = `{ $path }` 不是文件
fix-first = { $path }:{ $line }：{ $message } [{ $code }]；请先修正（`clerk check`）
not-a-record = `{ $path }` 不是记录（是否列在 clerk.yaml 的 `ignore` 中？）
who-approves = 由谁审批？请加上 `--by PERSON-ID`，或设置 CLERK_PERSON

# `clerk keys`
key-unreadable = 无法读取密钥 `{ $path }`
key-private = `{ $path }` 是私钥：请提供其公钥（ssh-keygen 在旁边生成的 `.pub` 文件），并且绝不要提交私钥
key-no-person = 没有 `{ $person }` 这个人；请以 `clerk new { $people } --id { $person }` 新增
key-listed = 密钥 { $key } 已列在{ $name }（`{ $holder }`）名下
key-added = { $path }：已加入 { $key }，自 { $date } 起有效
keys-what = 请加上 --allowed-signers，或使用 `clerk keys add PERSON FILE.pub`

# `clerk encrypt`, `decrypt`, `reencrypt`
no-readers = { $date } 没有人可阅读{ $type }记录（{ $level }）：请在 clerk.yaml 的 `encryption.readers` 下列出阅读者（依职务或人员），并确认他们有密钥
already-encrypted = { $path } 已经加密
encrypted-to = { $path } → { $target }（可阅读者：{ $readers }）
not-encrypted = { $path } 不是加密记录（NAME.md.age）
cannot-decrypt = 无法解密 { $path }：{ $error }
reencrypted-one = { $path }：可阅读者为 { $readers }
reencrypted = 已重新加密 { $n } 条加密记录
reencrypt-unopened = 有 { $n } 条加密记录无法用您的密钥打开，因此维持原来的阅读者：{ $paths }

# `clerk pdf`
pdf-not-a-document = `{ $path }` 是{ $type_label }记录，不是公文：其记录类型文件（{ $file }）没有 `layout: {"{"}kind: document{"}"}`
pdf-not-issued = `{ $path }` 尚未发文：没有文号（`{ $field }`）；`clerk issue { $path }` 会给它一个
pdf-wrote = 已写入 { $path }（字体：{ $fonts }）

# `clerk build` and `clerk init`
build-errors = 记录中有 { $n } 个错误；执行 `clerk check { $dir }` 查看
build-refused = 没有构建任何内容（加上 --allow-errors 仍可构建，并标示受影响的记录）
build-not-a-site = `{ $path }` 已存在，且不是 clerk 构建的网站；请以 -o 另选文件夹
build-was-interrupted = 说明：之前的构建在替换 `{ $path }` 时中断；此次构建会替换它留下的内容
built = 已构建{ $level_label }网站，含 { $records } 条记录（略去 { $hidden } 条），输出至 { $out }：{ $pages } 页，{ $files } 个文件（{ $seconds } 秒）
init-exists = { $dir } 已有 clerk.yaml；clerk init 绝不覆盖既有的仓库
init-next = 下一步：clerk new person --id YOUR-ID --title "您的姓名" --role ROLE --key ~/.ssh/id_ed25519.pub

# E001–E003, E064, W074 reading files (folder and git)
cannot-read-folder = 无法读取文件夹：{ $error }
cannot-read-folder-hint = 请检查文件夹的权限
name-not-utf8 = 文件名 `{ $name }` 不是有效的 UTF-8（无效的字节显示为 \xNN）
name-not-utf8-hint = 请以 UTF-8 文件名重新命名，git 与其他电脑才能正确显示
symlink-outside = 符号链接指向仓库之外：{ $target }
symlink-outside-hint = 记录必须放在仓库内；请复制文件进来，不要用链接
symlink-dangling = 符号链接指向不存在的文件
symlink-dangling-hint = 请删除链接，或还原它所指的文件
cannot-read-file = 无法读取文件：{ $error }
cannot-read-file-hint = 请确认文件存在且可读取
too-large = 文件大于 { $limit } 字节
too-large-hint = 请拆分记录、将大量内容移到附件，或调高 clerk.yaml 的 `limits.max_record_bytes`
sealed-invalid = 加密记录无法打开：{ $error }
sealed-invalid-hint = 请从 git 还原文件（`git checkout -- FILE`）；加密文件只由 `clerk encrypt`、`reencrypt` 与编辑记录的命令写入
sealed-unread = 未读取加密记录：{ $error }
sealed-unread-hint = clerk 以您的 SSH 密钥读取加密记录：--identity ~/.ssh/id_ed25519
file-binary = 文件是二进制文件，不是 Markdown 文本
file-binary-hint = 请改名使其不以 `.md` 结尾，或列在某条记录的 `attachments:` 下
file-not-utf8 = 文件不是有效的 UTF-8 文本
file-not-utf8-hint = 请以 UTF-8 编码保存文件（多数编辑器在“以编码保存”中提供）
git-not-a-file = 不是此 git 树中的文件
git-reader-failed = git 读取失败
git-cannot-read = 无法从 git 读取：{ $error }
git-symlink = 记录不能是符号链接
git-symlink-hint = 请提交记录本身，而不是指向它的链接
merge-conflict = 合并冲突尚未解决
merge-conflict-hint = 请解决冲突，再 `git add` 该文件

# E100–E105, E130, E131, E135 loading the configuration and the type files
not-a-folder = `{ $path }` 不是文件夹
no-such-path = `{ $path }` 不存在（没有这个文件或文件夹）
no-config = `{ $path }` 中没有 clerk.yaml：这不是 clerk 记录仓库（执行 `clerk init` 建立一个）
lookup-unknown-type = `lookup('{ $name }', …)` 指定的记录类型 `{ $name }` 不存在
known-types = 现有记录类型：{ $types }
type-duplicate = 记录类型 `{ $type }` 已在 { $path } 中声明
type-duplicate-hint = 请以 `name:` 将其中一个类型改名
subtotals-unknown = `subtotals` 指定的列 `{ $name }` 不在登记簿 `{ $register }` 中
subtotals-unknown-hint = 请写登记簿中某一列的标题
register-labels-unknown = `labels: { $field }` 不是此记录类型的字段
register-labels-unknown-hint = 请写此列所列值的字段，例如 `labels: status`
register-column-value = 登记簿 `{ $register }`：除 `kind: row` 外，每一列都须有 `value`
register-column-value-hint = 请以表达式写出值，例如 `value: record.title`
classification-unknown-hint = 请在 clerk.yaml 的 `classifications:` 下列出，或改用其中的密级
navigation-unknown-type = `{ $setting }` 指定的记录类型 `{ $name }` 没有任何记录类型文件声明
navigation-unknown-type-hint = 请写 types/*.yaml 中的记录类型，或从 `{ $setting }` 移除 `{ $name }`
refs-invalid-hint = 请写成 `field: type`、`list[].field: type`、`field: type#list` 或 `field: "@departments"`
glob-invalid = `{ $pattern }` 不是有效的通配符模式：{ $error }

# `clerk desk` in the terminal, and what it refuses
desk-open = { $name }（{ $who }）的办公桌：请打开 { $url }
desk-token = 这个网址含有办公桌的令牌：请勿分享（按 Ctrl-C 结束）
desk-wrong-host = clerk desk 只响应 127.0.0.1:{ $port } 或 localhost:{ $port }
desk-wrong-token = 这不是办公桌的令牌：请打开 `clerk desk` 打印的网址
desk-no-session = 请打开 `clerk desk` 打印的网址（含令牌）
desk-csrf = 表单的 CSRF 令牌缺少或错误：请重新加载页面
desk-no-record = 没有记录 `{ $id }`

# E057 a person's key, E105 a function a rule calls
key-invalid = 不是 OpenSSH 公钥：{ $error }
key-invalid-hint = 请粘贴 `.pub` 文件的整行，例如 `ssh-ed25519 AAAAC3Nza… name`
list-or-short = 或
count-arguments = { $n } 个参数
call-arity = `{ $call }` 传入了 { $args }，但它接受 { $takes } 个
call-arity-hint = 请以 { $takes } 个参数调用 `{ $call }`
known-functions = 可用的函数：{ $functions }
call-unknown = `{ $call }` 不是 clerk 认得的函数

# Session 8 (lead): E108, a field clerk.yaml gives clerk to read that the type does not declare
e108 = clerk 读取 `{ $name }`（{ $setting }），但{ $whose }未声明此字段
e108-hint = 在 clerk.yaml 把 `{ $setting }` 设为该类型中的字段名称，或在类型中声明 `{ $name }`
names-type = 类型「{ $label }」（`{ $type }`，{ $path }）
names-archived-type = 类型「{ $label }」（`{ $type }`，{ $path }，其记录有 `{ $field }`）
names-each-of = { $whose }的 `{ $field }` 每一项
names-of = { $whose }的 `{ $field }`

# Session 8 (lead): `clerk hooks install`
hooks-installed = 已安装 { $path }
hooks-foreign-one = { $hooks } 已存在且不是 clerk 写的；运行 `clerk hooks install --force` 替换它，或在其中调用 `clerk check --staged`
hooks-foreign-many = { $hooks } 已存在且不是 clerk 写的；运行 `clerk hooks install --force` 替换它们，或在其中调用 `clerk check --staged`

# Session 8 (lead): association.decimals
config-decimals = 小数位数 `{ $n }`：请写 0（整数金额，如新台币）或 2（到分，如人民币、美元）

# Session 9 (reasons, issue #20 item 6): the last English messages
# E107 why a rule or condition gave no value for a record
why-empty = 记录未填 { $fields }
why-field-named = `{ $field }`（{ $label }）
why-no-key = 没有 { $key }
why-undeclared = 此处不认识 `{ $name }`
why-argument-count = 函数需要 { $expected } 个参数，却给了 { $actual } 个
why-unexpected-type = 需要{ $want }，却是{ $got }
why-bad-argument = 函数不能接受 { $value }
why-not-method = { $value } 不能调用 `.{ $method }()`
why-no-overload = `{ $function }` 不能用于{ $kinds }
why-not-comparable = { $left } 不能与 { $right } 比较
why-operator = `{ $op }` 不能用于 { $left } 与 { $right }
why-index = { $index } 不能作为 { $value } 的索引
why-out-of-bounds = 没有第 { $index } 项
why-zero-division = 除以零
why-function = `{ $function }`：{ $message }
why-other = CEL 无法计算：{ $error }
why-not-text = 需要文字或文字列表，却是 { $value }
why-value-empty = 空值
why-value-list = 列表
why-value-map = 映射
why-kind-text = 文字
why-kind-number = 数字
why-kind-bool = 布尔值
why-not-a-date = `{ $text }` 不是日期（YYYY-MM-DD）
why-not-months = { $value } 不是月数
why-date-range = 日期超出范围
why-lookup-here = lookup() 只能用于登记簿与待办清单
why-lookup-type = 没有记录类型 `{ $type }`（类型：{ $types }）
# E105 an expression too large to evaluate safely
expr-too-long = 表达式超过 { $n } 个字符
expr-too-nested = 表达式嵌套超过 { $n } 层
expr-too-many-operators = 表达式有超过 { $n } 个运算符
# E101 a type file's `refs`, E100 clerk.yaml's `classifications`
refs-not-a-path = `{ $field }` 不是字段路径
refs-not-a-target = `{ $target }` 不是可引用的对象
refs-no-list = `{ $target }` 的 `#` 之后没有写列表名称
levels-count = `classifications` 须列出 1 至 100 个密级，由低到高
levels-empty-id = 有一个密级的 `id` 是空的
levels-twice = 密级 `{ $id }` 重复列出
levels-unknown = `{ $id }` 不是密级；密级有：{ $levels }
# E100 clerk.yaml and E101 a type file that serde cannot read
serde-unknown-field = 未知的字段 { $name }（可写的字段：{ $names }）
serde-unknown-field-none = 未知的字段 { $name }：此处不可写任何字段
serde-unknown-variant = { $name } 不是可选的值（可选：{ $names }）
serde-unknown-variant-none = { $name } 不是可选的值
serde-missing-field = 缺少字段 { $name }
serde-duplicate-field = 字段 { $name } 写了两次
serde-invalid-type = 此处应为{ $want }，却是{ $got }
serde-invalid-value = 此处应为{ $want }，却是{ $got }
serde-found = { $kind } { $value }
serde-whole-number = 整数
serde-other = 无法读取此设置：{ $message }
config-unknown-key-hint = clerk 读取的设置：{ $settings }
config-not-an-offset = `{ $text }` 不是 UTC 时差：请写成 +08:00（或 -05:00、+00:00），或写时区名称（Asia/Taipei）
config-not-a-zone = `{ $text }` 不是时区：{ $guess }请写 tz 数据库中的名称（Asia/Taipei、Asia/Shanghai、Europe/London）或 UTC 时差（+08:00）
# `clerk schema` and `clerk corpus`
schema-description = `{ $type }` 记录的前置字段（{ $path }）
schema-name-a-type = 请指定一个记录类型（`clerk schema document`），或以 `-o DIR` 写出全部类型
schema-managed-note = 由 clerk（issue、archive、sign）或工作流程填写
corpus-exists = { $path } 已存在；clerk corpus 只写入新的文件夹
corpus-no-keys = { $path } 没有可用来签署的 .example-keys/（请用 records-example）
corpus-wrote = 已将 { $n } 条记录写入 { $path }
# `clerk new`: the comment beside a field with allowed values, and what it cannot create
new-one-of = （可填：{ $choices }）
new-choice = { $id }（{ $label }）
cannot-create = 无法创建 { $path }
cannot-create-because = 无法创建 { $path }：{ $error }
# `clerk sign`: ssh-keygen, keys and attachments
sign-unreadable-signature = ssh-keygen 生成的签名无法读取：{ $error }
sign-not-their-key = { $key } 不是 people/ 中 { $name }（`{ $by }`）的密钥；请将其公钥加到此人记录的 `keys:` 下
sign-key-not-valid-then = { $key } 在 { $date } 不在有效期内（有效期 { $window }）
sign-key-expired = { $key } 已过有效期（有效期 { $window }）；请用现行有效的密钥签署
sign-after-today = { $date } 晚于今天（{ $today }）：审批的日期就是给出审批的那天
sign-attachment-refused = { $path }：附件 `{ $name }` { $why }；请先修正再签署
sign-attachment-unreadable = 无法读取附件 `{ $name }`
sign-attachment-sealed = 附件 `{ $name }` 已加密，且所给的密钥都无法打开：请以 --identity KEY 签署
sign-attachment-hashes = { $path }：无法写入附件的 SHA-256：{ $error }
sign-no-home = 没有 HOME 环境变量；请以 --key 指定密钥
sign-no-key = 在 { $path } 找不到密钥；请以 --key PATH 指定
sign-no-tempdir = 无法创建签署用的临时文件夹
sign-cannot-write-payload = 无法写入待签署的文字
sign-no-signature = ssh-keygen 没有写出签名
sign-key-too-open = 警告：ssh-keygen 拒绝使用 { $key }；已直接以密钥文件签署（请执行 `chmod 600`）
sign-keygen-failed = ssh-keygen 无法以 { $key } 签署
sign-no-keygen = 无法运行 ssh-keygen
sign-private-unreadable = 无法读取私钥 { $key }
sign-key-encrypted = { $key } 已设密码；请安装 ssh-keygen（OpenSSH）后再以此密钥签署
# `clerk advance`, `encrypt`/`decrypt` and the keys that open records
advance-set-by-clerk = `{ $field }` 由 clerk 填写（以 `--to STATE` 推进状态；以 `clerk sign` 审批）
advance-text-only = `{ $field }={ $value }`：`clerk advance` 只写入文字与日期；列表、数字或布尔值请在文件中编辑
cannot-read-path = 无法读取 { $path }
cannot-write-path = 无法写入 { $path }
crypt-not-removed = 已写入 { $target }，但无法删除 { $path }
crypt-key-unreadable = 无法读取密钥 { $path }：{ $error }
crypt-not-a-private-key = { $path } 不是 SSH 私钥：{ $error }
crypt-key-passphrase = { $path } 设有密码；请用没有密码的副本解密，或以 `age -d` 搭配此密钥
crypt-key-unsupported = { $path }：这种 SSH 密钥不能解密 age 文件
crypt-bad-recipient = 无法加密给 `{ $key }`：{ $error }
crypt-nobody = 没有可加密给的对象
crypt-cannot-encrypt = 无法加密：{ $error }
# `clerk serve`, `clerk hooks install` and the site's build
serve-cannot-open = 无法打开 `{ $path }`
serve-cannot-watch = 无法监视仓库的变更
serve-cannot-listen = 无法在 127.0.0.1:{ $port } 接受连接：{ $error }
serve-serving = 正在提供 { $path }：{ $url }
serve-built = 已构建（{ $ms } 毫秒）；正在监视变更（按 Ctrl-C 停止）
serve-page-updated = 页面已更新（{ $ms } 毫秒）
serve-rebuilt = 已重新构建（{ $ms } 毫秒）
serve-no-thread = 无法启动重新构建的线程
hooks-no-git = `{ $path }` 不在 git 仓库中
hooks-no-work-tree = 此 git 仓库没有工作目录
hooks-no-exe = 无法得知 clerk 安装在何处
build-errors-found = `clerk check` 发现 { $n } 个错误；请修正，或加上 --allow-errors 仍然构建（受影响的记录会被标示）
build-without-pdfs = 警告：网站构建时不含 PDF：{ $why }
search-no-thread = 无法启动搜索索引程序
search-failed = 搜索索引程序失败
search-not-built = 此 clerk 构建时未含搜索功能（cargo feature `search`）
new-title-comment = 标题
# `clerk schema`: the fields every record has
schema-field-type = 记录类型，即 types/ 中的一个文件
schema-field-id = 唯一代码；默认为去掉 .md 的文件名
schema-field-title = 记录的标题
schema-field-classification = 谁可以看到此记录
schema-field-approvals = 每个已完成的审批步骤一条
schema-field-attachments = 记录旁的文件，以相对路径列出；审批后各附其内容的 SHA-256
schema-field-status = 记录在工作流程中的状态
crypt-front-matter-broken = { $path }：新的前置字段无法解析
build-attachment-unreadable = 无法打开附件 { $path }

## clerk 拒绝写入的修改（src/edit）
edit-no-front-matter = 文件没有前置数据（front matter）
edit-invalid-yaml = 前置数据不是有效的 YAML
edit-flow-style = `{ $field }` 以行内格式（[…]）书写；请改写为块列表（每行一个 `- ` 项目），clerk 才能加入项目
edit-unsafe = 此修改会变动超出应有的内容（clerk 拒绝写入）

## clerk 无法读写的文件（其后为原因）
io-create = 无法创建 `{ $path }`
io-write = 无法写入 `{ $path }`
io-read = 无法读取 `{ $path }`
io-resolve = 无法解析路径 `{ $path }`
io-copy = 无法复制 `{ $path }`
io-replace = 无法替换 `{ $path }`
init-no-git = 无法把 `{ $path }` 设为 git 仓库
init-no-holidays = clerk 没有附带名为 `{ $name }` 的假日历；附带的有：{ $shipped }
diff-encrypted = { $path } 已加密；`clerk diff` 只读明文记录（请解密一份副本）
diff-no-git = { $path } 不在 git 仓库中：核准时的版本要从其历史中查找
