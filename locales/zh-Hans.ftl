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
approval-stale = `{ $by }` 于 { $date } 审批之后记录已有改动：这项「{ $step }」审批已不涵盖现在的内容
approval-stale-hint = `clerk diff { $path } --step { $step } --by { $by }` 显示改动之处；请 { $by } 审批新内容（`clerk sign { $path } --step { $step } --by { $by }`），或还原改动
transition-refused = 状态由 { $was_label } 改为 { $is_label }，流程不允许这一步
transition-repair = `{ $was }` 不是{ $type_label }的状态；请改为 { $allowed_labels }
transition-final = { $type_label }到了 { $was_label } 便不再变动
transition-allowed = { $type_label }由 { $was_label } 只能改为：{ $allowed_labels }

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
