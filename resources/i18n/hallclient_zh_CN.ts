<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountModels</name>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>用户类别</translation>
    </message>
</context>
<context>
    <name>AccountSide</name>
    <message>
        <source>No account found for “{text}”. Please try again with the account or meter number, the last four digits of the phone, the name or the address.</source>
        <translation>没有找到与“{text}”相符的账户，请换用户号或表号、电话后四位、姓名或地址再试。</translation>
    </message>
    <message>
        <source>Take the customer&apos;s account first (search, then Enter).</source>
        <translation>请先查找并选定客户户号（搜索后按回车）。</translation>
    </message>
    <message>
        <source>The account has no unpaid bills.</source>
        <translation>该户没有未缴账单。</translation>
    </message>
    <message>
        <source>{n} bill in the cart: ￥{amount} with late fees ￥{fees}.</source>
        <translation>已将 {n} 笔账单加入待收费用：共 ￥{amount}，其中违约金 ￥{fees}。</translation>
    </message>
    <message>
        <source>{n} bills in the cart: ￥{amount} with late fees ￥{fees}.</source>
        <translation>已将 {n} 笔账单加入待收费用：共 ￥{amount}，其中违约金 ￥{fees}。</translation>
    </message>
    <message>
        <source>Take the customer&apos;s account first (Ctrl+1, search, then Enter).</source>
        <translation>请先查找并选定客户户号（Ctrl+1，搜索后按回车）。</translation>
    </message>
    <message>
        <source>Reading recorded and billed: bill {bill}. F10 pays it.</source>
        <translation>读数已记录并出账：账单 {bill}。按 F10 缴费。</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Tell the person their first password in person. They must change it at their first login, and approve nothing until they have.</source>
        <translation>请当面把初始密码告诉本人。本人首次登录时必须修改；修改之前不能批准任何事项。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>{name} (employee no. {number}) added as {role}: the first password must be changed at the first login.</source>
        <translation>已添加{name}（工号 {number}），角色为{role}：首次登录时必须修改初始密码。</translation>
    </message>
</context>
<context>
    <name>AdminModels</name>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>every category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>this PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>已接入</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须改密码</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Calls tickets of</source>
        <translation>叫号类别</translation>
    </message>
    <message>
        <source>Customer screen</source>
        <translation>客户屏</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Counters and printers</source>
        <translation>窗口与打印机(&amp;C)</translation>
    </message>
    <message>
        <source>Audit &amp;journal</source>
        <translation>审计日志(&amp;J)</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Void a receipt</source>
        <translation>作废票据</translation>
    </message>
    <message>
        <source>Cash difference over the limit</source>
        <translation>现金差额超限</translation>
    </message>
    <message>
        <source>Reprint again</source>
        <translation>再次重打</translation>
    </message>
    <message>
        <source>Approve a tariff</source>
        <translation>批准收费标准</translation>
    </message>
    <message>
        <source>Reopen a shift</source>
        <translation>重开班次</translation>
    </message>
    <message>
        <source>Waive a late fee</source>
        <translation>免收违约金</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>主管批准</translation>
    </message>
    <message>
        <source>This action needs a manager&apos;s approval</source>
        <translation>此操作需要主管批准</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>{name} (employee no. {number})</source>
        <translation>{name}（工号 {number}）</translation>
    </message>
    <message>
        <source>A shift manager or an administrator enters their own employee number and password here. Nobody approves their own action.</source>
        <translation>请值班长或系统管理员输入本人的工号和密码。任何人不得批准自己的操作。</translation>
    </message>
    <message>
        <source>A shift manager enters their own employee number and password here. Nobody approves their own action.</source>
        <translation>请值班长输入本人的工号和密码。任何人不得批准自己的操作。</translation>
    </message>
    <message>
        <source>Manager&apos;s employee no.</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <source>Manager&apos;s password</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <source>e.g. 2001</source>
        <translation>例如 2001</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please enter the manager&apos;s employee number and password.</source>
        <translation>请输入主管的工号和密码。</translation>
    </message>
    <message>
        <source>This manager&apos;s account is locked after too many failed attempts, until {time}. Please ask another manager.</source>
        <translation>该主管账户因多次输错密码已被锁定，{time} 前无法使用。请找其他主管批准。</translation>
    </message>
    <message>
        <source>This manager&apos;s account is disabled. Please ask another manager.</source>
        <translation>该主管账户已停用，请找其他主管批准。</translation>
    </message>
    <message>
        <source>Employee number or password is incorrect.</source>
        <translation>工号或密码不正确，请重新输入。</translation>
    </message>
    <message>
        <source>An approval needs a reason.</source>
        <translation>申请批准必须说明原因。</translation>
    </message>
    <message>
        <source>Nobody approves their own action. Please ask a shift manager.</source>
        <translation>不能批准自己的操作，请找值班长批准。</translation>
    </message>
    <message>
        <source>This person may not approve this. Money (voids, differences, reprints, late fees) is approved by a shift manager; a tariff also by an administrator.</source>
        <translation>该员工无权批准此事项：作废、差额、补打、免收违约金等钱款事项须由值班长批准；收费标准也可由系统管理员批准。</translation>
    </message>
    <message>
        <source>This approver still has a password someone else set (a first password or a reset). They must log in and choose their own password before approving.</source>
        <translation>该审批人仍在使用他人设置的密码（初始密码或被重置的密码），须先登录并修改为自己的密码，才能批准。</translation>
    </message>
    <message>
        <source>This approval is for another action or object.</source>
        <translation>该批准针对的是其他操作或对象。</translation>
    </message>
    <message>
        <source>This approval has been used already.</source>
        <translation>该批准已被使用过。</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <source>Call board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <source>Connecting to the queue…</source>
        <translation>正在连接排队系统…</translation>
    </message>
    <message>
        <source>Last calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <source>Waiting for the queue database…</source>
        <translation>排队数据暂时无法读取，正在重试…</translation>
    </message>
    <message>
        <source>Voice announcements unavailable: {0}</source>
        <translation>语音播报不可用：{0}</translation>
    </message>
    <message>
        <source>{0}: {1} waiting</source>
        <translation>{0}&#x3000;等候 {1} 人</translation>
    </message>
</context>
<context>
    <name>BusinessDayLabel</name>
    <message>
        <source>Today is closed · payments count for the business day {day}</source>
        <translation>今日已日结 · 收款计入 {day} 营业日</translation>
    </message>
</context>
<context>
    <name>CashCountForm</name>
    <message>
        <source>Counted: {amount}</source>
        <translation>清点合计：{amount}</translation>
    </message>
    <message>
        <source>{n} yuan</source>
        <translation>{n} 元</translation>
    </message>
    <message>
        <source>{n} jiao</source>
        <translation>{n} 角</translation>
    </message>
    <message>
        <source>{n} fen</source>
        <translation>{n} 分</translation>
    </message>
</context>
<context>
    <name>ChargeWait</name>
    <message>
        <source>Waiting for the database… (Esc gives up)</source>
        <translation>正在等待数据库…（Esc 放弃）</translation>
    </message>
    <message>
        <source>Stopped waiting: the payment may or may not be saved. F12 again is safe: at most one charge.</source>
        <translation>已停止等待：本次收款可能已保存，也可能没有。再按 F12 可查明，最多只收一次。</translation>
    </message>
    <message>
        <source>The payment given up on earlier was saved after all: receipt {number}, {amount}. F5 prints it. The cart on this page is unchanged.</source>
        <translation>先前放弃等待的收款已经保存：票据 {number}，{amount}。按 F5 打印。本页的待收费用未变。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Bills paid</source>
        <translation>缴纳账单</translation>
    </message>
    <message>
        <source>Late fees</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Prepaid gas</source>
        <translation>预付购气</translation>
    </message>
    <message>
        <source>Service fees</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料费</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Back charges</source>
        <translation>补缴</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>银联卡</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Taken by payment method</source>
        <translation>按支付方式实收</translation>
    </message>
    <message>
        <source>Nothing taken on this day</source>
        <translation>当日没有收款</translation>
    </message>
    <message>
        <source>Taken by kind of income</source>
        <translation>按收入类别实收</translation>
    </message>
    <message>
        <source>No income on this day</source>
        <translation>当日没有收入</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Type each declared total as an amount, e.g. 1280.50.</source>
        <translation>请按金额填写各方式的申报合计，例如 1280.50。</translation>
    </message>
    <message>
        <source>A difference beyond {limit} needs a shift manager: explain it above.</source>
        <translation>差额超过 {limit}，需值班长审批：请在上方说明原因。</translation>
    </message>
    <message>
        <source>Explain the difference first; a manager approves it.</source>
        <translation>请先说明差额原因，再由值班长审批。</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>交班结账</translation>
    </message>
    <message>
        <source>Count the cash in the drawer by denomination, and type each other method&apos;s total and number of payments from its terminal or statement.</source>
        <translation>请按面额清点钱箱现金，并按终端或对账单填写其他支付方式的合计金额和笔数。</translation>
    </message>
    <message>
        <source>The shift manager returned this shift for a recount: {reason}</source>
        <translation>值班长已退回本班次要求复点，原因：{reason}</translation>
    </message>
    <message>
        <source>explanation of a difference (for the manager)</source>
        <translation>差额说明（供值班长审核）</translation>
    </message>
    <message>
        <source>Close shift (Ctrl+Enter)</source>
        <translation>交班（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CloseVisitDialog</name>
    <message>
        <source>End the visit</source>
        <translation>结束接待</translation>
    </message>
    <message>
        <source>Please ask the customer: “Are you satisfied with our service today?” Press 1 to 5 for the answer.</source>
        <translation>请询问客户：“您对我们今天的服务满意吗？”按 1 至 5 记录回答。</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>已收费</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Customer&apos;s spoken rating (you record it)</source>
        <translation>客户口头评价（代录）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>What the customer said (optional)</source>
        <translation>客户的意见或建议（可不填）</translation>
    </message>
    <message>
        <source>End the visit (Enter)</source>
        <translation>结束接待（Enter）</translation>
    </message>
    <message>
        <source>Please ask the customer to rate the service on the customer screen.</source>
        <translation>请客户在评价器上评价。</translation>
    </message>
    <message>
        <source>Please ask for the rating and press 1 to 5.</source>
        <translation>请询问客户评价，并按 1 至 5 记录。</translation>
    </message>
</context>
<context>
    <name>CountersTab</name>
    <message>
        <source>This PC: {counter} · {name}</source>
        <translation>本机：{counter} · {name}</translation>
    </message>
    <message>
        <source>Each PC&apos;s printer is set in that PC&apos;s settings file, section [printer], and tested there with: hallclient printer test. This PC&apos;s file: {path}. The other counters&apos; printers are shown on their own PCs. Ctrl+K attaches or detaches the selected counter&apos;s customer screen (the customer rates there). F5 reads again.</source>
        <translation>每台电脑的打印机在该电脑的设置文件 [printer] 一节中设置，并在该电脑上用 hallclient printer test 测试。本机设置文件：{path}。其他窗口的打印机在各自电脑上显示。Ctrl+K 为所选窗口接入或撤下客户屏（客户在客户屏上评价）。F5 重新读取。</translation>
    </message>
    <message>
        <source>No receipt printer is set up on this PC.</source>
        <translation>本机未设置票据打印机。</translation>
    </message>
    <message>
        <source>Network printer {target}</source>
        <translation>网络打印机 {target}</translation>
    </message>
    <message>
        <source>USB printer {target}</source>
        <translation>USB 打印机 {target}</translation>
    </message>
    <message>
        <source>Serial printer {target}</source>
        <translation>串口打印机 {target}</translation>
    </message>
    <message>
        <source>Printing to the file {target}</source>
        <translation>打印到文件 {target}</translation>
    </message>
    <message>
        <source>Windows printer {target}</source>
        <translation>Windows 打印机 {target}</translation>
    </message>
    <message>
        <source>as an image</source>
        <translation>图像方式</translation>
    </message>
    <message>
        <source>the printer&apos;s font</source>
        <translation>打印机字库</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not reported since HallClient started on this PC</source>
        <translation>HallClient 在本机启动以来尚未回报</translation>
    </message>
    <message>
        <source>Paper {width} mm · printed {how} · characters {charset}</source>
        <translation>纸宽 {width} 毫米 · 打印方式：{how} · 字符集 {charset}</translation>
    </message>
    <message>
        <source>Cut after each receipt: {cut} · cash drawer: {drawer}</source>
        <translation>每张票据后切纸：{cut} · 钱箱：{drawer}</translation>
    </message>
    <message>
        <source>Paper: {paper}</source>
        <translation>纸张：{paper}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>HallClient — unexpected error</source>
        <translation>HallClient — 程序出错</translation>
    </message>
    <message>
        <source>Sorry, something went wrong in HallClient. Your last action may not have been completed; please check it.</source>
        <translation>抱歉，HallClient 出现了意外错误。刚才的操作可能没有完成，请核对一下。</translation>
    </message>
    <message>
        <source>The details were written to the log folder for support:
{folder}</source>
        <translation>详细信息已记录在日志文件夹中，可提供给技术支持：
{folder}</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Approval document</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Tier {n}</source>
        <translation>第{n}档</translation>
    </message>
    <message>
        <source>{company} · customer screen</source>
        <translation>{company} · 客户屏</translation>
    </message>
    <message>
        <source>Hello, welcome!</source>
        <translation>您好，欢迎光临！</translation>
    </message>
    <message>
        <source>{company} is glad to serve you. Please wait for your number to be called.</source>
        <translation>{company}竭诚为您服务，请留意叫号。</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>谢谢您的评价！</translation>
    </message>
    <message>
        <source>Serving you: {name} · employee no. {number}</source>
        <translation>为您服务：{name} · 工号 {number}</translation>
    </message>
    <message>
        <source>Your number: {ticket}</source>
        <translation>您的号码：{ticket}</translation>
    </message>
    <message>
        <source>Served without a ticket</source>
        <translation>无需取号，正在为您办理</translation>
    </message>
    <message>
        <source>The fees for you, line by line, as approved by the price authority:</source>
        <translation>本次收费明细（按价格主管部门批准的标准）：</translation>
    </message>
    <message>
        <source>We are handling your matter. Fees, if any, are shown here.</source>
        <translation>正在为您办理业务，如有收费将在此显示。</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <source>Total {total}   Paid {paid}   Change {change}</source>
        <translation>合计 {total}   实收 {paid}   找零 {change}</translation>
    </message>
</context>
<context>
    <name>CustomerScreenController</name>
    <message>
        <source>Customer screen: monitor {n} is not connected; shown as a window, which asks no rating.</source>
        <translation>客户屏：未找到第 {n} 个显示器，已作为普通窗口打开，不在此评价。</translation>
    </message>
    <message>
        <source>Customer screen: no monitor is set; shown as a window, which asks no rating.</source>
        <translation>客户屏：未设置显示器，已作为普通窗口打开，不在此评价。</translation>
    </message>
    <message>
        <source>The customer&apos;s rating was not saved: {problem}</source>
        <translation>客户评价未能保存：{problem}</translation>
    </message>
</context>
<context>
    <name>DatabaseWaitDialog</name>
    <message>
        <source>Waiting for the database — HallClient</source>
        <translation>正在等待数据库 — HallClient</translation>
    </message>
    <message>
        <source>Waiting for the database</source>
        <translation>正在等待数据库</translation>
    </message>
    <message>
        <source>The database does not answer. HallClient keeps trying by itself; once the database answers, the login window opens: there is no need to restart. If this lasts, tell IT support what is shown below.</source>
        <translation>数据库暂时没有响应。程序会自动重试；数据库一旦恢复，登录窗口随即打开，无需重新启动。如长时间无法连接，请把下方显示的内容告知 IT 支持人员。</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>退出（Esc）</translation>
    </message>
    <message>
        <source>Try {number}: connecting…</source>
        <translation>第 {number} 次尝试：正在连接…</translation>
    </message>
    <message>
        <source>Try {number} failed at {time}. Next try in {seconds} s.</source>
        <translation>第 {number} 次尝试失败（{time}）。{seconds} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <source>Type {mmdd} to close the day, or press Esc to go back.</source>
        <translation>输入 {mmdd} 确认日结，或按 Esc 返回。</translation>
    </message>
    <message>
        <source>{counter} {clerk} (no. {number}), shift {id}: {status}, taken {net}</source>
        <translation>{counter} {clerk}（工号 {number}）班次 {id}：{status}，实收 {net}</translation>
    </message>
    <message>
        <source>No shift worked on this day.</source>
        <translation>当日没有班次。</translation>
    </message>
    <message>
        <source>Day total {total} · {receipts} · {voids}</source>
        <translation>当日合计 {total} · {receipts} · {voids}</translation>
    </message>
    <message>
        <source>Grand total after the close: {total}</source>
        <translation>日结后累计总额：{total}</translation>
    </message>
    <message>
        <source>Receipt series heads recorded:</source>
        <translation>将记录的票据链头：</translation>
    </message>
    <message>
        <source>Close the hall&apos;s day</source>
        <translation>营业厅日结</translation>
    </message>
    <message>
        <source>Close the business day {day}?</source>
        <translation>确认对营业日 {day} 日结？</translation>
    </message>
    <message>
        <source>After the close nothing more is added to {day}. Counters go on working: a shift opened after the close, and every payment it takes, counts for the next business day, {next}.</source>
        <translation>日结后 {day} 不再计入任何款项。各窗口照常营业：日结之后开的班次及其收款，计入下一营业日 {next}。</translation>
    </message>
    <message>
        <source>To close the day, type it as month and day ({mmdd}) and press Enter. Esc goes back without closing.</source>
        <translation>确认日结请输入该营业日的月日（{mmdd}）并按回车；按 Esc 返回，不日结。</translation>
    </message>
    <message>
        <source>Go back without closing (Esc)</source>
        <translation>返回，不日结（Esc）</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Called</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>办理</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>接待次数</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Average service</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>平均评价</translation>
    </message>
</context>
<context>
    <name>DayViewDialog</name>
    <message>
        <source>Today&apos;s visits</source>
        <translation>今日接待</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>全部窗口</translation>
    </message>
    <message>
        <source>All clerks</source>
        <translation>全部营业员</translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation>全部事由</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>{visits} visits shown · {waiting} waiting now</source>
        <translation>显示 {visits} 次接待 · 当前等候 {waiting} 人</translation>
    </message>
    <message>
        <source>{visit}: no service script was shown during this visit.</source>
        <translation>{visit}：本次接待未显示服务话术。</translation>
    </message>
    <message>
        <source>{visit}: scripts shown: {scripts}</source>
        <translation>{visit} 显示过的话术：{scripts}</translation>
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (中文)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>分机</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <source>Emergency hotline</source>
        <translation>应急热线</translation>
    </message>
    <message>
        <source>Target, normal</source>
        <translation>办结时限·一般</translation>
    </message>
    <message>
        <source>Target, urgent</source>
        <translation>办结时限·紧急</translation>
    </message>
    <message>
        <source>Target, emergency</source>
        <translation>办结时限·特急</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Ctrl+S save the department · Ctrl+N a new department · changes apply to referrals made from now on</source>
        <translation>Ctrl+S 保存部门 · Ctrl+N 新增部门 · 修改只对此后的转办生效</translation>
    </message>
    <message>
        <source>A new department: fill in the form, then Ctrl+S.</source>
        <translation>新增部门：填写表单后按 Ctrl+S。</translation>
    </message>
    <message>
        <source>Saved: {code}.</source>
        <translation>已保存：{code}。</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Suspected gas leak</source>
        <translation>疑似燃气泄漏</translation>
    </message>
    <message>
        <source>Suspected gas leak: say this to the customer now</source>
        <translation>疑似燃气泄漏：请立即向客户说明</translation>
    </message>
    <message>
        <source>Where: the address of the smell</source>
        <translation>地点：闻到燃气味的地址</translation>
    </message>
    <message>
        <source>Told the customer, send the repair team (Ctrl+Enter)</source>
        <translation>已告知客户，立即派抢修（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>EmergencyFlow</name>
    <message>
        <source>Where is the smell? Write the address first.</source>
        <translation>燃气味在哪里？请先填写地址。</translation>
    </message>
    <message>
        <source>Emergency referral {reference} sent to the repair centre.</source>
        <translation>紧急转办 {reference} 已派至抢修中心。</translation>
    </message>
    <message>
        <source>Printing the slip failed: {problem} Ctrl+F5 prints it again.</source>
        <translation>回执打印失败：{problem} 处理后按 Ctrl+F5 重新打印。</translation>
    </message>
</context>
<context>
    <name>FeeDetail</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用客户</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <source>Approval document</source>
        <translation>批复文号</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>执行期间</translation>
    </message>
    <message>
        <source>No item chosen</source>
        <translation>未选择收费项目</translation>
    </message>
    <message>
        <source>{price} per {unit}</source>
        <translation>{price} / {unit}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Tiered price, by the volume used since {start} each year:</source>
        <translation>阶梯价格，按每年 {start} 起累计用气量计：</translation>
    </message>
    <message>
        <source>Households of more than {base} people: each extra person raises the limits by {amounts} m³.</source>
        <translation>户籍人口超过 {base} 人的，每增加 1 人，各档上限分别增加 {amounts} m³。</translation>
    </message>
    <message>
        <source>At most {caps} m³ more a year per household.</source>
        <translation>每户每年最多增加 {caps} m³。</translation>
    </message>
    <message>
        <source>Tier {n}: above {low} m³, {price}</source>
        <translation>第{n}档：{low} m³ 以上，{price}</translation>
    </message>
    <message>
        <source>Tier {n}: {low}–{high} m³, {price}</source>
        <translation>第{n}档：{low}–{high} m³，{price}</translation>
    </message>
</context>
<context>
    <name>FeeModels</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <source>Approval no.</source>
        <translation>批复文号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Tier {n}</source>
        <translation>第{n}档</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <source>Code, name or pinyin initials, e.g. GHF</source>
        <translation>编码、名称或拼音首字母，如 GHF</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>待收费</translation>
    </message>
    <message>
        <source>e.g. 1 or 25.5</source>
        <translation>如 1 或 25.5</translation>
    </message>
    <message>
        <source>needed for tiered gas</source>
        <translation>阶梯气价需填写户号</translation>
    </message>
    <message>
        <source>Add, next item (Ctrl+Enter)</source>
        <translation>加入，再选下一项（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Charge (Enter)</source>
        <translation>去收费（Enter）</translation>
    </message>
    <message>
        <source>Loading the tariff in force…</source>
        <translation>正在读取现行收费标准…</translation>
    </message>
    <message>
        <source>No tariff schedule is in force today.</source>
        <translation>今天没有正在执行的收费标准。</translation>
    </message>
    <message>
        <source>{count} of {total} items</source>
        <translation>共 {total} 项，找到 {count} 项</translation>
    </message>
    <message>
        <source>Please choose an item first.</source>
        <translation>请先选择收费项目。</translation>
    </message>
    <message>
        <source>Estimate: no account given, the year&apos;s volume is taken as 0.</source>
        <translation>估算：未填写户号，本年累计用气量按 0 计算。</translation>
    </message>
    <message>
        <source>Used this year: {used} m³; household of {size}; tier limits {limits} m³.</source>
        <translation>本年已用气 {used} m³，户籍 {size} 人，各档上限 {limits} m³。</translation>
    </message>
    <message>
        <source>Amount: {amount}</source>
        <translation>金额：{amount}</translation>
    </message>
    <message>
        <source>Added to the cart.</source>
        <translation>已加入待收费。</translation>
    </message>
    <message>
        <source>Type the quantity first: the fee is quoted as you type.</source>
        <translation>请先输入数量：边输入边计算费用。</translation>
    </message>
    <message>
        <source>The bills are in the cart; remove the newest to pay fewer (Delete). Delete on a late fee asks a manager to waive it.</source>
        <translation>账单已加入购物车；少缴几笔请从最新的一笔删起（Delete）。在违约金上按 Delete 可请值班长批准免收。</translation>
    </message>
    <message>
        <source>The late fee of bill {bill} is waived with the manager&apos;s approval.</source>
        <translation>账单 {bill} 的违约金已经值班长批准免收。</translation>
    </message>
    <message>
        <source>Cart total: {amount}</source>
        <translation>待收费合计：{amount}</translation>
    </message>
</context>
<context>
    <name>FileSaver</name>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <source>The file could not be written: {problem}</source>
        <translation>文件无法写入：{problem}</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>to call back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>cause recorded</source>
        <translation>已查明原因</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Call back: what the customer said on the phone</source>
        <extracomment>What the field asks for, by the state the step reaches.</extracomment>
        <translation>回访：客户在电话中的意见</translation>
    </message>
    <message>
        <source>Cause: why the service fell short</source>
        <translation>原因：服务不到位的原因</translation>
    </message>
    <message>
        <source>Fix: what was put right</source>
        <translation>整改：采取了哪些整改措施</translation>
    </message>
    <message>
        <source>Close: the result for the customer</source>
        <translation>办结：给客户的处理结果</translation>
    </message>
    <message>
        <source>{n} follow-up of a bad rating overdue</source>
        <translation>差评回访逾期 {n} 件</translation>
    </message>
    <message>
        <source>{n} follow-ups of bad ratings overdue</source>
        <translation>差评回访逾期 {n} 件</translation>
    </message>
</context>
<context>
    <name>FollowUpCase</name>
    <message>
        <source>Call back: {text}</source>
        <translation>回访：{text}</translation>
    </message>
    <message>
        <source>Cause: {text}</source>
        <translation>原因：{text}</translation>
    </message>
    <message>
        <source>Fixed: {text}</source>
        <translation>整改：{text}</translation>
    </message>
    <message>
        <source>Case {id} · visit {visit} · opened {at}</source>
        <translation>回访件 {id} · 办理记录 {visit} · {at} 立件</translation>
    </message>
    <message>
        <source>{counter} · clerk {clerk} · {level}</source>
        <translation>{counter} · 收费员 {clerk} · {level}</translation>
    </message>
    <message>
        <source>The customer said: {reason}</source>
        <translation>客户意见：{reason}</translation>
    </message>
    <message>
        <source>Due {day}{estimated} · {state}</source>
        <translation>{day}{estimated} 前办结 · {state}</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（预计）</translation>
    </message>
</context>
<context>
    <name>FollowUpModels</name>
    <message>
        <source> (estimated)</source>
        <translation>（预计）</translation>
    </message>
    <message>
        <source> overdue</source>
        <translation> 已逾期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Customer&apos;s reason</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>State</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>HallReferralsPage</name>
    <message>
        <source>Referrals from this hall: today&apos;s, and those not done</source>
        <translation>本厅转办：今日转办及未办结事项</translation>
    </message>
    <message>
        <source>What the counter did about a returned referral (Ctrl+N; Esc back)</source>
        <translation>窗口对退回转办的处理情况（Ctrl+N 填写；Esc 返回列表）</translation>
    </message>
    <message>
        <source>F2 taken up by the counter, with the note · Ctrl+P print the slip again · Ctrl+N the note · Esc back to the list · F5 refresh</source>
        <translation>F2 窗口接手（填写备注） · Ctrl+P 重打回执 · Ctrl+N 备注 · Esc 返回列表 · F5 刷新</translation>
    </message>
    <message>
        <source>F2 is for a referral the department returned; this one is {state}.</source>
        <translation>F2 用于承办部门退回的转办；这一件的状态是：{state}。</translation>
    </message>
    <message>
        <source>{reference}: taken up by the counter.</source>
        <translation>{reference}：已由窗口接手。</translation>
    </message>
    <message>
        <source>A theft report&apos;s slip is not printed again here.</source>
        <translation>举报的回执不在此处重打。</translation>
    </message>
    <message>
        <source>The slip of {reference} is printed again.</source>
        <translation>{reference} 的回执已重打。</translation>
    </message>
    <message>
        <source>The slip of {reference} is saved again as {path}.</source>
        <translation>{reference} 的回执已重新保存为 {path}。</translation>
    </message>
    <message>
        <source>No referral from this hall today, and none waiting.</source>
        <translation>本厅今日没有转办，也没有待处理的转办。</translation>
    </message>
    <message>
        <source>{phone} ext. {extension}</source>
        <translation>{phone} 转 {extension}</translation>
    </message>
    <message>
        <source>What the counter should do: {advice}</source>
        <translation>窗口应当：{advice}</translation>
    </message>
    <message>
        <source>A theft report: its matter and answer stay with the department.</source>
        <translation>举报件：事项和办理情况仅由承办部门掌握。</translation>
    </message>
    <message>
        <source>Matter: {matter}</source>
        <translation>事项：{matter}</translation>
    </message>
    <message>
        <source>Customer: {contact} · account {account}</source>
        <translation>客户：{contact} · 户号 {account}</translation>
    </message>
    <message>
        <source>Result: {text}</source>
        <translation>办理结果：{text}</translation>
    </message>
    <message>
        <source>The department&apos;s reason: {text}</source>
        <translation>承办部门退回原因：{text}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Use this wording (Enter)</source>
        <translation>使用此版本措辞（Enter）</translation>
    </message>
    <message>
        <source>Versions of the script</source>
        <translation>话术历史版本</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Greeted</source>
        <translation>已问候</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>收费中</translation>
    </message>
    <message>
        <source>Referring</source>
        <translation>转办中</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结束中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>More than 15 minutes since it was skipped: please issue a new ticket.</source>
        <translation>过号已超过 15 分钟，请重新取号。</translation>
    </message>
    <message>
        <source>This ticket is being served at another counter.</source>
        <translation>此号正在其他窗口办理。</translation>
    </message>
    <message>
        <source>No gas account has this number.</source>
        <translation>没有这个燃气户号。</translation>
    </message>
    <message>
        <source>This visit is already closed.</source>
        <translation>此次接待已经结束。</translation>
    </message>
    <message>
        <source>Please ask for the customer&apos;s rating (1 to 5).</source>
        <translation>请询问客户满意度（1 至 5）。</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>gas suspended</source>
        <translation>停气</translation>
    </message>
    <message>
        <source>account closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>已收费</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Not present</source>
        <translation>过号未到</translation>
    </message>
    <message>
        <source>The text is too long; please shorten it.</source>
        <translation>内容太长，请删减后再保存。</translation>
    </message>
    <message>
        <source>This cannot be done now. Please check and try again.</source>
        <translation>现在无法进行此操作，请检查后重试。</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Account/meter no., phone or last 4, name, pinyin initials, address</source>
        <translation>户号或表号、电话或尾号4位、姓名、拼音首字母、地址</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>接待记录</translation>
    </message>
    <message>
        <source>F2 call next · F3 call again · F4 not present · F5 refer (Ctrl+F5 prints its slip again) · F6 walk-in · F7 issue tickets · F8 transfer · F9 end the visit · F10 pay the account&apos;s bills · Ctrl+G quote its gas by volume · Ctrl+R the customer&apos;s own reading · F11 today&apos;s visits</source>
        <translation>F2 叫下一位 · F3 重呼 · F4 过号 · F5 转办（Ctrl+F5 重打转办单） · F6 散客 · F7 取号 · F8 转窗口 · F9 结束接待 · F10 缴纳账单 · Ctrl+G 按气量购气 · Ctrl+R 客户自报读数 · F11 今日接待</translation>
    </message>
    <message>
        <source>Choose the purpose</source>
        <translation>请选择来访事由</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>等候 {count} 人</translation>
    </message>
    <message>
        <source>Please end the current visit first (F9).</source>
        <translation>请先结束当前接待（F9）。</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>目前没有等候的客户。</translation>
    </message>
    <message>
        <source>The customer&apos;s rating is settled: call the next one (F2).</source>
        <translation>客户评价已结束，请叫下一位（F2）。</translation>
    </message>
    <message>
        <source>Account number given at the kiosk: {account}. Check the customer&apos;s identity, then press Enter to take it.</source>
        <translation>客户在取号机输入的户号：{account}。请核对客户身份后按 Enter 确认。</translation>
    </message>
    <message>
        <source>{type} · meter {meter} · status {status}</source>
        <translation>{type} · 表号 {meter} · 状态 {status}</translation>
    </message>
    <message>
        <source>Arrears ￥{arrears} in {count} unpaid bills (F10 pays them)</source>
        <translation>欠费 ￥{arrears}，未缴账单 {count} 笔（F10 缴费）</translation>
    </message>
    <message>
        <source> · late fees today ￥{fee}</source>
        <translation> · 今日违约金 ￥{fee}</translation>
    </message>
    <message>
        <source>No unpaid bills</source>
        <translation>无未缴账单</translation>
    </message>
    <message>
        <source> · used this year {volume} m³ (tier year from {start})</source>
        <translation> · 本年已用 {volume} m³（阶梯年度自 {start} 起）</translation>
    </message>
    <message>
        <source> · household of {size}</source>
        <translation> · 家庭人口 {size} 人</translation>
    </message>
    <message>
        <source>  … and {count} newer bills</source>
        <translation>  …… 另有较新账单 {count} 笔</translation>
    </message>
    <message>
        <source>carried over</source>
        <translation>承前结转</translation>
    </message>
    <message>
        <source>  Bill {number} · {period} · {volume} m³ · ￥{amount} · due {due}</source>
        <translation>  账单 {number} · {period} · {volume} m³ · ￥{amount} · 缴费期限 {due}</translation>
    </message>
    <message>
        <source> · overdue, late fee ￥{fee}</source>
        <translation> · 已逾期，违约金 ￥{fee}</translation>
    </message>
    <message>
        <source>Visits on record: {count} (this one included)</source>
        <translation>来访记录 {count} 次（含本次）</translation>
    </message>
    <message>
        <source>Referral {reference} of {day}: {state}</source>
        <translation>转办 {reference}（{day}）：{state}</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已超时）</translation>
    </message>
    <message>
        <source>Paid {amount} on {day} (receipt {number})</source>
        <translation>{day} 缴费 {amount}（票据 {number}）</translation>
    </message>
    <message>
        <source>, voided</source>
        <translation>，已作废</translation>
    </message>
    <message>
        <source>Call a ticket or take a walk-in first.</source>
        <translation>请先叫号或登记散客。</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>暂无客户</translation>
    </message>
    <message>
        <source>Press F2 to call the next ticket</source>
        <translation>按 F2 呼叫下一位</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
</context>
<context>
    <name>IssueTicketDialog</name>
    <message>
        <source>Issue a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Press the number of the service the customer needs.</source>
        <translation>请按客户所办业务对应的数字键取号。</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Action contains</source>
        <translation>操作包含</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>any action (a part of its code)</source>
        <translation>任意操作（可输入操作代码的一部分）</translation>
    </message>
    <message>
        <source>Enter in a filter: search · F8 older entries · F7 newer · F5 the newest · Ctrl+F the filters. Read only: the journal is never changed. Times are the hall&apos;s.</source>
        <translation>在筛选框中按 Enter：查询 · F8 更早的记录 · F7 较新的记录 · F5 最新记录 · Ctrl+F 转到筛选框。只读：审计日志从不修改。时间为营业厅当地时间。</translation>
    </message>
    <message>
        <source>No entry matches.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>Entries No. {newest} to {oldest}, the newest first.</source>
        <translation>第 {newest} 至 {oldest} 号记录，最新的在前。</translation>
    </message>
    <message>
        <source>Older entries: F8.</source>
        <translation>更早的记录：F8。</translation>
    </message>
    <message>
        <source>Newer entries: F7.</source>
        <translation>较新的记录：F7。</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>No gas account has this number. Please check it, or skip it.</source>
        <translation>没有这个燃气户号，请核对后重新输入，或跳过。</translation>
    </message>
    <message>
        <source>An account number has at most 20 digits. Please check it, or skip it.</source>
        <translation>户号最多20位数字，请核对后重新输入，或跳过。</translation>
    </message>
    <message>
        <source>Tickets cannot be issued at the moment. Please ask at the service desk.</source>
        <translation>暂时无法取号，请到服务台咨询。</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <source>Please choose your business</source>
        <translation>请选择您要办理的业务</translation>
    </message>
    <message>
        <source>Your gas account number (optional)</source>
        <translation>请输入燃气户号（可跳过）</translation>
    </message>
    <message>
        <source>With it, the counter sees your account at once.</source>
        <translation>输入户号，窗口可直接调出您的账户。</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>燃气户号</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>The elderly, the disabled and pregnant women are served first.</source>
        <translation>老年人、残疾人、孕妇可优先办理。</translation>
    </message>
    <message>
        <source>No, a normal ticket</source>
        <translation>不需要，普通取号</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Green channel: {reason}</source>
        <translation>绿色通道：{reason}</translation>
    </message>
    <message>
        <source>{n} waiting before you</source>
        <translation>前面还有 {n} 人等候</translation>
    </message>
    <message>
        <source>Taken at {time}</source>
        <translation>取号时间：{time}</translation>
    </message>
    <message>
        <source>Please take your ticket below.</source>
        <translation>请取走下方打印的号票。</translation>
    </message>
    <message>
        <source>Printer fault: please take a photo of this screen as your ticket.</source>
        <translation>打印机故障，请拍照保存本票。</translation>
    </message>
</context>
<context>
    <name>LateFeeWaiver</name>
    <message>
        <source>Waive a late fee</source>
        <translation>免收违约金</translation>
    </message>
    <message>
        <source>Why is the late fee of bill {bill} waived? A shift manager approves next.</source>
        <translation>账单 {bill} 的违约金为何免收？填写原因后由值班长批准。</translation>
    </message>
    <message>
        <source>A late fee is waived only with a reason.</source>
        <translation>免收违约金须说明原因。</translation>
    </message>
    <message>
        <source>The late fee stays.</source>
        <translation>违约金未免收。</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>The account is {detail}: it can be charged neither gas nor bills, only the fees that apply to it (reconnection, reopening).</source>
        <translation>该户状态为“{detail}”：不能购气或缴纳账单，只能收取适用的费用（如复通费、恢复开户费）。</translation>
    </message>
    <message>
        <source>No account {detail}.</source>
        <translation>没有户号 {detail}。</translation>
    </message>
    <message>
        <source>Bill {detail} is not one of this account&apos;s.</source>
        <translation>账单 {detail} 不属于该户。</translation>
    </message>
    <message>
        <source>Bill {detail} has been paid already (at another counter or outside the hall). Nothing was charged; take the account again to see its open bills.</source>
        <translation>账单 {detail} 已经缴清（其他窗口或厅外渠道）。本次未收费；请重新选定该户查看未缴账单。</translation>
    </message>
    <message>
        <source>Bills are paid oldest first: bill {detail} must be paid before the newer ones. Remove the newest instead.</source>
        <translation>账单须从最早的一笔缴起：账单 {detail} 要先于较新的账单缴纳。请改为删除最新的一笔。</translation>
    </message>
    <message>
        <source>Overdue bill {detail} is paid with its late fee; leaving it out needs a shift manager&apos;s waiver.</source>
        <translation>逾期账单 {detail} 须连同违约金一并缴纳；免收违约金需值班主管批准。</translation>
    </message>
    <message>
        <source>Bill {detail} or its late fee is no longer what was quoted (the day changed?). Take the bills again with F10.</source>
        <translation>账单 {detail} 或其违约金与报价不再一致（日期已变？）。请按 F10 重新取账单。</translation>
    </message>
    <message>
        <source>Account {detail} bought gas at another counter meanwhile, so the tiered price has moved. Nothing was charged: calculate the fee again.</source>
        <translation>户号 {detail} 在此期间已在其他窗口购气，阶梯价格随之变化。本次未收费：请重新计算费用。</translation>
    </message>
    <message>
        <source>A later purchase or bill was priced on top of this gas ({detail}): void that one first.</source>
        <translation>之后的购气或账单是在这笔气量之上计价的（{detail}）：请先作废那一笔。</translation>
    </message>
    <message>
        <source>No single gas item is in force for this customer type ({detail}); ask the administrator.</source>
        <translation>该客户类别没有唯一有效的用气项目（{detail}）；请联系管理员。</translation>
    </message>
    <message>
        <source>The reading was refused: {detail}.</source>
        <translation>读数未被接受：{detail}。</translation>
    </message>
    <message>
        <source>Bill {detail} has no late fee to waive.</source>
        <translation>账单 {detail} 没有可免收的违约金。</translation>
    </message>
    <message>
        <source>The account is {status}: it buys no gas until it is reconnected. Its bills and the reconnection fee are taken as usual.</source>
        <translation>该户{status}：复通前不能购气；账单和复通费照常收取。</translation>
    </message>
    <message>
        <source>This is the account&apos;s first reading: it opens the meter and bills nothing.</source>
        <translation>这是该户的首次读数：只作起始读数，不出账。</translation>
    </message>
    <message>
        <source>A new meter or dials that began again need an earlier reading.</source>
        <translation>换表或表盘归零须有上次读数。</translation>
    </message>
    <message>
        <source>A start figure is only for a new meter or dials that began again.</source>
        <translation>起始读数只在换表或表盘归零时填写。</translation>
    </message>
    <message>
        <source>{0} is below the last reading {1}. If the meter was changed or its dials began again, choose that and type the figure they started from.</source>
        <translation>{0} 低于上次读数 {1}。如已换表或表盘归零，请选择相应类型并填写起始读数。</translation>
    </message>
    <message>
        <source>Type the figure the new dials started from.</source>
        <translation>请填写新表（或归零后）的起始读数。</translation>
    </message>
    <message>
        <source>The old meter&apos;s last figure {0} is below its last reading {1}.</source>
        <translation>旧表末次读数 {0} 低于其上次读数 {1}。</translation>
    </message>
    <message>
        <source>{0} is below the figure the dials started from ({1}).</source>
        <translation>{0} 低于起始读数（{1}）。</translation>
    </message>
    <message>
        <source>Type the figures as numbers, e.g. 1234.5.</source>
        <translation>读数请填数字，如 1234.5。</translation>
    </message>
    <message>
        <source>{1} is not a meter figure (at most three decimals, not below zero).</source>
        <translation>{1} 不是有效读数（不小于零，最多三位小数）。</translation>
    </message>
    <message>
        <source>A new meter needs its own number; {0} is the meter already on the account.</source>
        <translation>换表须填写新表表号；{0} 是该户现有的表。</translation>
    </message>
    <message>
        <source>Meter {0} is not the account&apos;s meter ({1}).</source>
        <translation>表号 {0} 不是该户的表（{1}）。</translation>
    </message>
    <message>
        <source>The day {0} has not come yet.</source>
        <translation>日期 {0} 尚未到来。</translation>
    </message>
    <message>
        <source>The meter was last read on {0}: one reading a day, after that one.</source>
        <translation>该表上次抄表日为 {0}：每日只记一次读数，且须晚于上次。</translation>
    </message>
    <message>
        <source>Meter {0} is on account {1}.</source>
        <translation>表号 {0} 已登记在户号 {1}。</translation>
    </message>
    <message>
        <source>Opening figures cannot be below zero.</source>
        <translation>起始数不能小于零。</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>{name} (employee no. {number}) has locked this window.</source>
        <translation>{name}（工号 {number}）已锁定此窗口。</translation>
    </message>
    <message>
        <source>Password of {name}</source>
        <translation>{name} 的密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Switch user logs {name} out so that another person can log in.</source>
        <translation>切换用户会让{name}退出登录，然后由其他人登录。</translation>
    </message>
    <message>
        <source>The window locked itself after a minute without use.
{name} (employee no. {number}) is logged in.</source>
        <translation>此窗口 1 分钟无人操作，已自动锁定。
当前登录的是{name}（工号 {number}）。</translation>
    </message>
    <message>
        <source>The window locked itself after {minutes} minutes without use.
{name} (employee no. {number}) is logged in.</source>
        <translation>此窗口 {minutes} 分钟无人操作，已自动锁定。
当前登录的是{name}（工号 {number}）。</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {time}. Only Switch user is possible now.</source>
        <translation>密码输错次数过多，该账户已锁定至 {time}。现在只能切换用户。</translation>
    </message>
    <message>
        <source>This account is disabled. Only Switch user is possible now.</source>
        <translation>该账户已停用，现在只能切换用户。</translation>
    </message>
    <message>
        <source>The password is incorrect. Please try again.</source>
        <translation>密码不正确，请重新输入。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — HallClient</source>
        <translation>登录 — HallClient</translation>
    </message>
    <message>
        <source>HallClient gas service hall</source>
        <translation>HallClient 燃气营业厅客户端</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>e.g. 1001</source>
        <translation>例如 1001</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Please enter your employee number and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Please try again after {time}.</source>
        <translation>该账户因多次登录失败已被锁定，请于 {time} 后再试。</translation>
    </message>
    <message>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>该账户已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Employee number or password is incorrect.</source>
        <translation>工号或密码不正确，请重新输入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Printer: {printer} · {state}</source>
        <translation>打印机：{printer} · {state}</translation>
    </message>
    <message>
        <source>HallClient — {workplace}</source>
        <translation>HallClient 燃气营业厅客户端 — {workplace}</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Lock &amp;screen</source>
        <translation>锁定屏幕(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About HallClient</source>
        <translation>关于 HallClient(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quick reference: service rules</source>
        <translation>服务规范速查(&amp;Q)</translation>
    </message>
    <message>
        <source>Counter: {workplace}</source>
        <translation>柜台：{workplace}</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <source>Printer: {printer}</source>
        <translation>打印机：{printer}</translation>
    </message>
    <message>
        <source>Printer: not set up</source>
        <translation>打印机：未设置</translation>
    </message>
    <message>
        <source>Counter clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Shift manager</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Department staff</source>
        <translation>承办部门人员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>稽查员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>{name} · employee no. {number} · {role}</source>
        <translation>{name} · 工号 {number} · {role}</translation>
    </message>
    <message>
        <source>About HallClient</source>
        <translation>关于 HallClient</translation>
    </message>
    <message>
        <source>HallClient, counter software for the gas company&apos;s customer service hall.</source>
        <translation>HallClient：燃气公司客户服务营业厅的柜台业务软件。</translation>
    </message>
</context>
<context>
    <name>NewScriptDialog</name>
    <message>
        <source>Edit (Enter)</source>
        <translation>编辑（Enter）</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The general script stays for every other purpose.</source>
        <translation>其他事由仍使用通用话术。</translation>
    </message>
    <message>
        <source>A purpose&apos;s own script</source>
        <translation>事由专用话术</translation>
    </message>
</context>
<context>
    <name>OutOfService</name>
    <message>
        <source>Tickets are paused</source>
        <translation>暂停取号</translation>
    </message>
    <message>
        <source>The kiosk is connecting to the hall&apos;s system. Please wait or ask at the desk.</source>
        <translation>取号机正在连接系统，请稍候或到服务台咨询。</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Referrals overdue beyond their target, to follow up: {list}</source>
        <translation>转办严重超时，请跟进：{list}</translation>
    </message>
    <message>
        <source>Closed; grand total {total}</source>
        <translation>已日结；累计总额 {total}</translation>
    </message>
    <message>
        <source>Shift {id} is approved.</source>
        <translation>班次 {id} 已审核通过。</translation>
    </message>
    <message>
        <source>Shift {id} is returned to its clerk for a recount.</source>
        <translation>班次 {id} 已退回收费员复点。</translation>
    </message>
    <message>
        <source>The day is closed, but its printout failed: {problem} Ctrl+P saves the day report as a PDF.</source>
        <translation>日结已完成，但打印失败：{problem} 可按 Ctrl+P 将日报表保存为 PDF。</translation>
    </message>
    <message>
        <source>Taken {net} · {receipts} · {voids} ({voided}) · {reprints} · {state}</source>
        <translation>实收 {net} · {receipts} · {voids}（{voided}）· {reprints} · {state}</translation>
    </message>
    <message>
        <source>Open; every shift approved: F10 closes the day</source>
        <translation>未日结；班次均已审核，可按 F10 日结</translation>
    </message>
    <message>
        <source>The business day {day} is closed; the day close is printing. Shifts opened from now on count for the next business day.</source>
        <translation>营业日 {day} 已日结，日结单正在打印。此后开的班次计入下一营业日。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <source>export until</source>
        <translation>导出至</translation>
    </message>
    <message>
        <source>reason for returning the selected shift</source>
        <translation>退回所选班次的原因</translation>
    </message>
    <message>
        <source>F5 refresh · F9 approve shift · F8 return for recount · F10 close the day · Ctrl+P day report (PDF) · Ctrl+R shift report (PDF) · Ctrl+E export (XLSX)</source>
        <translation>F5 刷新 · F9 审核通过 · F8 退回复点 · F10 日结 · Ctrl+P 营业日报（PDF）· Ctrl+R 班次报表（PDF）· Ctrl+E 导出（XLSX）</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Intake</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Intake and queue</source>
        <translation>接待与叫号</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费用查询</translation>
    </message>
    <message>
        <source>Fee lookup</source>
        <translation>费用查询</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Payments and receipts</source>
        <translation>收费与票据</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Referrals to departments</source>
        <translation>转办承办部门</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Shift and reconciliation</source>
        <translation>班次与对账</translation>
    </message>
    <message>
        <source>Hall day</source>
        <translation>当日总览</translation>
    </message>
    <message>
        <source>The hall&apos;s day</source>
        <translation>营业厅当日总览</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价回访</translation>
    </message>
    <message>
        <source>Follow-up of bad ratings</source>
        <translation>差评回访整改</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Service scripts</source>
        <translation>服务话术</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Department directory</source>
        <translation>部门通讯录</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Please change your password first</source>
        <translation>请先修改密码</translation>
    </message>
    <message>
        <source>{name}, your password was set for you (first login or reset by the administrator). Choose your own password before you start work.</source>
        <translation>{name}，您的密码由他人设置（首次登录或管理员重置），开始工作前请先设置自己的密码。</translation>
    </message>
    <message>
        <source>{name}, your password was reset by employee no. {by} on {when}. If you did not ask for it, tell your shift manager. Choose your own password before you start work; until then you cannot approve anything.</source>
        <translation>{name}，您的密码已于 {when} 由工号 {by} 重置。如非您本人要求，请告知值班长。开始工作前请设置您自己的密码；修改前您不能批准任何事项。</translation>
    </message>
    <message>
        <source>Enter your current password, then the new one twice.</source>
        <translation>请输入当前密码，再将新密码输入两次。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>At least {count} characters, not all the same character, without your employee number, different from the current one.</source>
        <translation>至少 {count} 个字符，不能全是同一字符，不能包含工号，不能与当前密码相同。</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please fill in all three fields.</source>
        <translation>请填写全部三项。</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {time}.</source>
        <translation>密码输错次数过多，该账户已锁定至 {time}。</translation>
    </message>
    <message>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>该账户已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>The current password is incorrect.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>The new password needs at least {count} characters.</source>
        <translation>新密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The new password cannot be one character repeated.</source>
        <translation>新密码不能全部由同一个字符组成。</translation>
    </message>
    <message>
        <source>The new password cannot contain your employee number.</source>
        <translation>新密码不能包含您的工号。</translation>
    </message>
    <message>
        <source>The new password must be different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>This password is one of the most used ones and is guessed first. Please choose another.</source>
        <translation>这是最常被使用的密码之一，最容易被猜中，请换一个。</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>reference (optional)</source>
        <translation>交易单号（选填）</translation>
    </message>
    <message>
        <source>Cash handed over</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <source>as the cash part</source>
        <translation>与现金部分相同</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>UnionPay card</source>
        <translation>银联卡</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>The cart is empty: add the fees on the Fees page (Ctrl+2) first.</source>
        <translation>待收费用为空：请先在“费用查询”页（Ctrl+2）加入费用。</translation>
    </message>
    <message>
        <source>Everything in the cart is free: there is nothing to charge and no receipt. Record the service when the visit ends (F9).</source>
        <translation>待收费用都是免费项目：无需收费，也不开收据。办结时（F9）记录所办事项即可。</translation>
    </message>
    <message>
        <source>Each amount must be above zero and exact to the fen.</source>
        <translation>每笔金额须大于零，并精确到分。</translation>
    </message>
    <message>
        <source>The payments do not add up to the total; please check the amounts.</source>
        <translation>各项付款之和与合计不符，请核对金额。</translation>
    </message>
    <message>
        <source>The cash handed over is less than the cash to pay.</source>
        <translation>实收现金少于应付现金。</translation>
    </message>
    <message>
        <source>Cash handed over is entered, but nothing is paid in cash.</source>
        <translation>已填写实收现金，但本次没有现金付款。</translation>
    </message>
    <message>
        <source>A payment reference may have at most 64 characters.</source>
        <translation>交易单号最多 64 个字符。</translation>
    </message>
    <message>
        <source>The earlier attempt of this payment had been charged after all (receipt in the number field); nothing was charged again. Press F5 to print it, then charge the rest anew.</source>
        <translation>此前一次收款实际已成功（票据号见票据号栏），本次未重复收费。请按 F5 打印该票据，再重新收取其余费用。</translation>
    </message>
    <message>
        <source>The cart holds fees quoted for another account than {account}, and a receipt is for one account. On the Fees page (Ctrl+2) remove the other account&apos;s lines (Delete) and charge these; then quote those fees for their own account.</source>
        <translation>待收费用中有按户号 {account} 以外的户号报价的项目，一张票据只能对应一个户号。请在“费用查询”页（Ctrl+2）按 Delete 删除其他户号的行，先收取本户费用，再为那个户号单独报价收费。</translation>
    </message>
    <message>
        <source>The cart holds fees quoted for an account together with fees for no account, and a receipt is for one customer. On the Fees page (Ctrl+2) remove one kind (Delete), charge the rest, then the others.</source>
        <translation>待收费用中既有按户号报价的项目，也有未关联户号的项目，一张票据只能对应一位客户。请在“费用查询”页（Ctrl+2）按 Delete 删除其中一类，先收取其余费用，再单独收取另一类。</translation>
    </message>
    <message>
        <source>This visit is for account {account}; a receipt for another account is refused. To serve another account, take it for the visit on the intake page (Ctrl+1, search, Enter): the change is recorded.</source>
        <translation>本次接待的户号是 {account}，不能为其他户号开票。如需为其他户号办理，请先在受理页（Ctrl+1）查找该户号并按回车，改为本次接待的户号（更换会留下记录）。</translation>
    </message>
    <message>
        <source>The database could not confirm the payment. Press F12 again: the same payment is sent again and charged at most once.</source>
        <translation>数据库未能确认本次收款。请再按 F12：系统会重发同一笔收款，最多只收一次。</translation>
    </message>
    <message>
        <source>Not enough cash: {due} is due in cash, {missing} is still missing. Please check the cash handed over and type it again.</source>
        <translation>现金不足：应收现金 {due}，还差 {missing}。请核对实收现金后重新输入。</translation>
    </message>
    <message>
        <source>No shift is open at this counter, so no payment can be taken. Please open your shift on the Shift page (Ctrl+5) first.</source>
        <translation>本窗口尚未开班，暂不能收款。请先在“班次”页（Ctrl+5）开班。</translation>
    </message>
    <message>
        <source>The shift open at this counter is {name}&apos;s ({number}): it must be closed before you can take payments. Then open your own shift on the Shift page (Ctrl+5).</source>
        <translation>本窗口当前开着的是 {name}（{number}）的班次，请先由其交班，您才能收款；之后请在“班次”页（Ctrl+5）开您自己的班。</translation>
    </message>
    <message>
        <source>No receipt printer is set up for this counter; the receipt waits to be printed.</source>
        <translation>本窗口未设置票据打印机；票据已保存，等待打印。</translation>
    </message>
    <message>
        <source>The printer cannot be reached (switched off or disconnected).</source>
        <translation>无法连接打印机（未开机或未连接）。</translation>
    </message>
    <message>
        <source>The printer is out of paper: load a new roll.</source>
        <translation>打印机缺纸，请装入新纸卷。</translation>
    </message>
    <message>
        <source>The printer reported a fault: check it.</source>
        <translation>打印机报告故障，请检查。</translation>
    </message>
    <message>
        <source>The printer did not answer; the receipt may or may not have printed.</source>
        <translation>打印机无应答；票据可能已打印，也可能未打印。</translation>
    </message>
    <message>
        <source>The connection to the printer broke during printing; part may have printed.</source>
        <translation>打印过程中与打印机的连接中断；票据可能只打印了一部分。</translation>
    </message>
    <message>
        <source>No printer is set up for this counter.</source>
        <translation>本窗口未设置打印机。</translation>
    </message>
    <message>
        <source>The printer did not answer; it may or may not have printed.</source>
        <translation>打印机没有应答，可能已打印，也可能没有。</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>故障</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Enter (or F12) charge and print · F9 end the visit · F10 the account&apos;s bills · F5 print waiting receipts · Ctrl+P copy (重打) · Ctrl+D void (manager)</source>
        <translation>Enter（或 F12）收款并出票 · F9 结束接待 · F10 缴纳账单 · F5 打印待打票据 · Ctrl+P 补打（重打） · Ctrl+D 作废（须主管批准）</translation>
    </message>
    <message>
        <source>The receipt is shown here once it is issued.</source>
        <translation>票据开具后在此预览。</translation>
    </message>
    <message>
        <source>receipt no. (copy or void)</source>
        <translation>票据号（补打或作废用）</translation>
    </message>
    <message>
        <source>reason (required for a void)</source>
        <translation>原因（作废时必填）</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <source>The cart is empty: add the fees on the Fees page (Ctrl+2) first.</source>
        <translation>待收费用为空：请先在“费用查询”页（Ctrl+2）加入费用。</translation>
    </message>
    <message>
        <source>Please confirm with the customer:

Total {total}
{parts}</source>
        <translation>请与顾客确认：

合计 {total}
{parts}</translation>
    </message>
    <message>
        <source>Cash handed over {amount}</source>
        <translation>实收现金 {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Receipt {number} issued: {amount}.</source>
        <translation>票据 {number} 已开具：{amount}。</translation>
    </message>
    <message>
        <source>Type the receipt number first.</source>
        <translation>请先填写票据号。</translation>
    </message>
    <message>
        <source>copy asked for at the counter</source>
        <translation>柜台应顾客要求补打</translation>
    </message>
</context>
<context>
    <name>PdfCopyDialog</name>
    <message>
        <source>PDF copy of the receipt</source>
        <translation>票据 PDF 副本</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this counter. Save the PDF copy of receipt {number} for the customer? The receipt stays waiting for the printer.</source>
        <translation>本窗口未设置票据打印机。是否为客户保存票据 {number} 的 PDF 副本？该票据仍将等待打印。</translation>
    </message>
    <message>
        <source>&amp;Choose place…</source>
        <translation>选择位置(&amp;C)…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Save the PDF copy</source>
        <translation>保存 PDF 副本</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>The database cannot be reached; nothing was saved. Please try again in a moment; if this goes on, call IT support.</source>
        <translation>无法连接数据库，本次操作未保存。请稍后重试；如果一直如此，请联系信息技术支持。</translation>
    </message>
    <message>
        <source>The database needs an update before this version can use it. Please ask the administrator to run: hallclient db upgrade</source>
        <translation>数据库需要升级后才能被本版本使用。请联系系统管理员执行：hallclient db upgrade</translation>
    </message>
    <message>
        <source>Please change your password first (System menu).</source>
        <translation>请先修改密码（“系统”菜单）。</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的岗位无权进行此操作。</translation>
    </message>
    <message>
        <source>{fault} Database: {server}</source>
        <translation>{fault}数据库：{server}</translation>
    </message>
    <message>
        <source>The connection broke while saving: the work may have been saved. Look it up again (search, refresh the list) before doing it once more; if the database stays unreachable, call IT support.</source>
        <translation>保存时与数据库的连接中断：本次操作可能已经保存。请先重新查询（搜索或刷新列表）确认，再决定是否重做；如数据库一直无法连接，请联系信息技术支持。</translation>
    </message>
</context>
<context>
    <name>QuickReference</name>
    <message>
        <source>The six prohibitions (六不准)</source>
        <translation>燃气服务“六不准”</translation>
    </message>
    <message>
        <source>Conduct at the counter</source>
        <translation>窗口服务规范</translation>
    </message>
    <message>
        <source>Emergencies</source>
        <translation>紧急情况</translation>
    </message>
</context>
<context>
    <name>QuickReferenceDialog</name>
    <message>
        <source>Quick reference: service rules</source>
        <translation>服务规范速查</translation>
    </message>
    <message>
        <source>Search the rules (中文 or English)</source>
        <translation>搜索规范（中文或英文）</translation>
    </message>
    <message>
        <source>{count} of {total} rules</source>
        <translation>共 {total} 条，显示 {count} 条</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Quick service</source>
        <translation>办理快捷</translation>
    </message>
    <message>
        <source>Friendly and patient</source>
        <translation>热情耐心</translation>
    </message>
    <message>
        <source>Clearly explained</source>
        <translation>解释清楚</translation>
    </message>
    <message>
        <source>Waited too long</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <source>Unfriendly</source>
        <translation>态度不好</translation>
    </message>
    <message>
        <source>Not clearly explained</source>
        <translation>解释不清楚</translation>
    </message>
    <message>
        <source>Fees unclear</source>
        <translation>收费有疑问</translation>
    </message>
    <message>
        <source>How satisfied are you with our service today? Please tap your answer.</source>
        <translation>您对本次服务满意吗？请点击您的评价。</translation>
    </message>
    <message>
        <source>Why? (optional: tap any that apply, or write)</source>
        <translation>原因（可选：点选或填写）</translation>
    </message>
    <message>
        <source>Anything else (optional)</source>
        <translation>其他意见（可不填）</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交评价</translation>
    </message>
</context>
<context>
    <name>Ratings</name>
    <message>
        <source>Visit {detail} is not one of this counter&apos;s.</source>
        <translation>接待 {detail} 不是本窗口的接待。</translation>
    </message>
    <message>
        <source>This visit has its rating already; a rating is never changed.</source>
        <translation>本次接待已有评价；评价一经记录不能更改。</translation>
    </message>
    <message>
        <source>Counter {detail} has a customer screen: the customer rates the service there, not the clerk.</source>
        <translation>{detail} 窗口配有客户屏：由客户在客户屏上评价，营业员不能代评。</translation>
    </message>
    <message>
        <source>Counter {detail} has no customer screen: the clerk records the customer&apos;s answer.</source>
        <translation>{detail} 窗口没有客户屏：请由营业员记录客户的回答。</translation>
    </message>
    <message>
        <source>Please choose how satisfied the customer is.</source>
        <translation>请选择客户的满意程度。</translation>
    </message>
    <message>
        <source>A visit nobody rated carries no level.</source>
        <translation>客户未评价的接待不能带有满意程度。</translation>
    </message>
    <message>
        <source>No counter {detail}.</source>
        <translation>没有窗口 {detail}。</translation>
    </message>
    <message>
        <source>No follow-up case {detail} that you may see.</source>
        <translation>没有您可查看的回访工单 {detail}。</translation>
    </message>
    <message>
        <source>A follow-up case goes step by step: call back, cause, what was fixed, then the result. This step does not follow where the case stands.</source>
        <translation>回访工单须逐步办理：回访、查明原因、整改，最后记录结果。这一步与工单当前所处的环节不符。</translation>
    </message>
    <message>
        <source>Please write what was done in this step of the case.</source>
        <translation>请填写这一步做了什么。</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s rating… ({detail} s left). The next ticket is called as soon as it is given.</source>
        <translation>正在等待客户评价…（还剩 {detail} 秒），客户评价后自动叫下一位。</translation>
    </message>
</context>
<context>
    <name>RatingsPage</name>
    <message>
        <source>Report month</source>
        <translation>月报月份</translation>
    </message>
    <message>
        <source>Overdue cases only (F6: every open case)</source>
        <translation>仅显示逾期件（F6：显示全部未办结）</translation>
    </message>
    <message>
        <source>Open cases, soonest due first (F6: overdue only)</source>
        <translation>未办结的回访件，按期限先后排列（F6：仅显示逾期件）</translation>
    </message>
    <message>
        <source>F2 or Enter the next step of the case · Enter saves it · Esc back to the list · F6 overdue only · F5 refresh · Ctrl+P month report (PDF) · Ctrl+E month report (XLSX)</source>
        <translation>F2 或 Enter 办理下一步 · Enter 保存 · Esc 回到列表 · F6 仅逾期 · F5 刷新 · Ctrl+P 评价月报（PDF）· Ctrl+E 评价月报（XLSX）</translation>
    </message>
    <message>
        <source>No overdue case.</source>
        <translation>没有逾期的回访件。</translation>
    </message>
    <message>
        <source>No open case.</source>
        <translation>没有未办结的回访件。</translation>
    </message>
    <message>
        <source>Case {id}, {state} — {prompt} (Enter saves, Esc back)</source>
        <translation>回访件 {id}（{state}）— {prompt}（Enter 保存，Esc 返回）</translation>
    </message>
    <message>
        <source>Case {id}: {state}.</source>
        <translation>回访件 {id}：{state}。</translation>
    </message>
    <message>
        <source>F2 or Enter on a case: its next step</source>
        <translation>在回访件上按 F2 或 Enter：办理下一步</translation>
    </message>
    <message>
        <source>Writing the rating report of {month}…</source>
        <translation>正在生成 {month} 评价月报……</translation>
    </message>
</context>
<context>
    <name>ReadingDialog</name>
    <message>
        <source>Customer&apos;s own reading</source>
        <translation>客户自报读数</translation>
    </message>
    <message>
        <source>Reading told by the customer for account {account} ({holder}); it is billed at once.</source>
        <translation>户号 {account}（{holder}）的客户自报读数，记录后立即出账。</translation>
    </message>
    <message>
        <source>Meter shows</source>
        <translation>表上读数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Dials started from</source>
        <translation>新表起始读数</translation>
    </message>
    <message>
        <source>Old meter&apos;s last figure</source>
        <translation>旧表末次读数</translation>
    </message>
    <message>
        <source>New meter&apos;s number</source>
        <translation>新表表号</translation>
    </message>
    <message>
        <source>Regular reading</source>
        <translation>正常抄表</translation>
    </message>
    <message>
        <source>New meter (换表)</source>
        <translation>换表</translation>
    </message>
    <message>
        <source>Dials began again (归零)</source>
        <translation>表盘归零</translation>
    </message>
    <message>
        <source>m³, as on the dials, e.g. 1234.5</source>
        <translation>单位 m³，按表盘所示，如 1234.5</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>only for a new meter</source>
        <translation>仅换表时填写</translation>
    </message>
    <message>
        <source>Record and bill</source>
        <translation>记录并出账</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReceiptJournal</name>
    <message>
        <source>The database holds other receipts under numbers {numbers} of series {series} than this counter issued. No payment can be taken on this series until IT has compared them; please call IT support.</source>
        <translation>数据库中收据系列 {series} 第 {numbers} 号与本窗口开出的收据不一致。信息部门核对之前，本系列暂停收款；请联系信息部门。</translation>
    </message>
    <message>
        <source>Receipts {numbers} of series {series} were saved, but the database no longer has them (a server failover, or a restore from a backup). So that no number is given twice, no payment can be taken on this series. Please call IT support: an administrator runs “hallclient receipts restore-from-counter” on this PC.</source>
        <translation>收据系列 {series} 第 {numbers} 号已开出并保存，但数据库中已没有这些收据（服务器切换，或从旧备份恢复）。为避免同一号码重复使用，本系列暂停收款。请联系信息部门：由管理员在本机运行“hallclient receipts restore-from-counter”。</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <source>{n} receipt waiting to be printed: press F5.</source>
        <translation>有 {n} 张票据待打印：请按 F5。</translation>
    </message>
    <message>
        <source>{n} receipts waiting to be printed: press F5.</source>
        <translation>有 {n} 张票据待打印：请按 F5。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Receipt {number} printed.</source>
        <translation>票据 {number} 已打印。</translation>
    </message>
    <message>
        <source>The printer does not answer status queries: its paper is not checked until the program restarts; look at what comes out.</source>
        <translation>打印机不回报状态：程序重启前不再检查纸张，请留意出纸。</translation>
    </message>
    <message>
        <source>This receipt is printed as an image: it has characters the printer&apos;s font lacks.</source>
        <translation>本张票据以图像方式打印：含打印机字库没有的字。</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Receipt {number} was already sent to the printer; Ctrl+P prints a marked copy.</source>
        <translation>票据 {number} 已送往打印机；如需再打一份，请按 Ctrl+P（标注重打）。</translation>
    </message>
    <message>
        <source>F5 saves its PDF copy for the customer.</source>
        <translation>按 F5 可为客户保存其 PDF 副本。</translation>
    </message>
    <message>
        <source>F5 prints it when the printer is ready.</source>
        <translation>打印机就绪后按 F5 打印。</translation>
    </message>
    <message>
        <source>No receipt is waiting to be printed.</source>
        <translation>没有待打印的票据。</translation>
    </message>
    <message>
        <source>The PDF copy of receipt {number} is saved as {path}. The receipt still waits for the printer (F5).</source>
        <translation>票据 {number} 的 PDF 副本已保存为 {path}。该票据仍在等待打印（F5）。</translation>
    </message>
    <message>
        <source>The PDF copy could not be saved: {problem} Please choose another place.</source>
        <translation>PDF 副本未能保存：{problem} 请选择其他位置。</translation>
    </message>
    <message>
        <source>Printing of receipt {number} was interrupted. Did the whole receipt come out of the printer?</source>
        <translation>票据 {number} 打印中断。整张票据是否已从打印机完整打出？</translation>
    </message>
    <message>
        <source>Did the receipt print?</source>
        <translation>票据是否已打印？</translation>
    </message>
    <message>
        <source>Recorded as printed.</source>
        <translation>已记录为已打印。</translation>
    </message>
</context>
<context>
    <name>ReferralBoardPage</name>
    <message>
        <source>Referrals to my department</source>
        <translation>本部门的转办事项</translation>
    </message>
    <message>
        <source>My department&apos;s closed and returned referrals, last {days} days</source>
        <translation>本部门近 {days} 天办结和退回的转办</translation>
    </message>
    <message>
        <source>Note: the result when closing, the reason when returning to the hall (Ctrl+N; Esc back)</source>
        <translation>备注：办结时填写处理结果，退回大厅时填写原因（Ctrl+N 填写；Esc 返回列表）</translation>
    </message>
    <message>
        <source>F2 acknowledge · F3 in progress · F9 close with the result · F8 return to the hall with the reason · F6 history · F5 refresh</source>
        <translation>F2 签收 · F3 处理中 · F9 办结（填写结果） · F8 退回大厅（填写原因） · F6 历史 · F5 刷新</translation>
    </message>
    <message>
        <source>This is the history: F6 back to the open referrals.</source>
        <translation>这是历史记录：按 F6 回到待办转办。</translation>
    </message>
    <message>
        <source>{reference}: {state}.</source>
        <translation>{reference}：{state}。</translation>
    </message>
    <message>
        <source>Nothing closed or returned lately.</source>
        <translation>近期没有办结或退回的转办。</translation>
    </message>
    <message>
        <source>Nothing waits for your department.</source>
        <translation>本部门暂无待办转办事项。</translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation>户号：{account}</translation>
    </message>
    <message>
        <source>Contact: {contact}</source>
        <translation>联系方式：{contact}</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Refer to a department</source>
        <translation>转办到承办部门</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议部门</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Response target</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Preferred time</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Reporter (confidential)</source>
        <translation>举报人（保密）</translation>
    </message>
    <message>
        <source>Reporter&apos;s phone</source>
        <translation>举报人电话</translation>
    </message>
    <message>
        <source>What is wrong, where, since when</source>
        <translation>什么问题、在哪里、从什么时候开始</translation>
    </message>
    <message>
        <source>Choose the department in charge</source>
        <translation>请选择承办部门</translation>
    </message>
    <message>
        <source>e.g. weekdays after 14:00</source>
        <translation>例如：工作日 14:00 以后</translation>
    </message>
    <message>
        <source>Report of gas theft or tampering (the reporter stays confidential)</source>
        <translation>举报偷盗气或私改燃气设施（举报人信息保密）</translation>
    </message>
    <message>
        <source>Refer and print the slip (Ctrl+Enter)</source>
        <translation>转办并打印回执（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Choose the department in charge first.</source>
        <translation>请先选择承办部门。</translation>
    </message>
</context>
<context>
    <name>ReferralFlow</name>
    <message>
        <source>{reference} is made; {problem}</source>
        <translation>{reference} 已转办；{problem}</translation>
    </message>
    <message>
        <source>Referred: {reference}; due {due}.</source>
        <translation>已转办：{reference}，办结时限 {due}。</translation>
    </message>
    <message>
        <source>The slip is saved as {path}.</source>
        <translation>回执已保存为 {path}。</translation>
    </message>
    <message>
        <source>Printing the slip failed: {problem} Ctrl+F5 prints it again.</source>
        <translation>回执打印失败：{problem} 处理后按 Ctrl+F5 重新打印。</translation>
    </message>
</context>
<context>
    <name>ReferralModels</name>
    <message>
        <source>Reference</source>
        <translation>转办号</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Result or reason</source>
        <translation>办理结果或退回原因</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>办结/退回时间</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <source>new</source>
        <translation>新转办</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>returned to the hall</source>
        <translation>已退回大厅</translation>
    </message>
    <message>
        <source>taken up by the counter</source>
        <translation>已由窗口接手</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>emergency</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>OVERDUE, escalated</source>
        <translation>已超时，已上报</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Choose a department.</source>
        <translation>请选择承办部门。</translation>
    </message>
    <message>
        <source>That referral was not found.</source>
        <translation>未找到该转办事项。</translation>
    </message>
    <message>
        <source>That visit was not found.</source>
        <translation>未找到该接待记录。</translation>
    </message>
    <message>
        <source>That account was not found.</source>
        <translation>未找到该户号。</translation>
    </message>
    <message>
        <source>Please describe the matter so that the department can act on it.</source>
        <translation>请把事项写清楚，便于承办部门处理。</translation>
    </message>
    <message>
        <source>Write the result (closing) or the reason (returning) in the note first.</source>
        <translation>请先在备注中填写处理结果（办结）或退回原因（退回）。</translation>
    </message>
    <message>
        <source>Write in the note what the counter did (called the customer, referred again).</source>
        <translation>请在备注中写明窗口的处理情况（如已致电客户、已重新转办）。</translation>
    </message>
    <message>
        <source>This referral belongs to another department.</source>
        <translation>该转办事项属于其他部门。</translation>
    </message>
    <message>
        <source>That step does not follow from the referral&apos;s state.</source>
        <translation>该转办事项当前状态不能进行此操作。</translation>
    </message>
    <message>
        <source>Code, both names, phone, location and hours are needed, and the targets must run emergency ≤ urgent ≤ normal.</source>
        <translation>代码、中英文名称、电话、地点和办公时间必须填写；办结时限须满足 特急 ≤ 紧急 ≤ 一般。</translation>
    </message>
    <message>
        <source>A department with that code exists: choose it in the list to change it.</source>
        <translation>该代码的部门已存在：请在列表中选中后修改。</translation>
    </message>
    <message>
        <source>A reporter&apos;s name and phone go in the confidential fields only.</source>
        <translation>举报人的姓名和电话只能填写在保密栏中。</translation>
    </message>
    <message>
        <source>The department returned it: do not leave the customer waiting. Call the customer, explain the department&apos;s reason, then take the matter up again at the counter or refer it to the department in charge. Then F2 with what was done.</source>
        <translation>承办部门已退回，不推诿、不扯皮：请致电客户说明退回原因，由窗口重新受理，或转办至对口部门；办完后按 F2 并写明处理情况。</translation>
    </message>
    <message>
        <source>Overdue: call {department} on {phone} and ask when it will be done; if the customer asks, tell them what the department said.</source>
        <translation>已超时：请致电{department}（{phone}）询问何时办结；客户问起时，如实转告部门的答复。</translation>
    </message>
    <message>
        <source>With {department}, due {due}. Nothing to do unless the customer asks; then give the department&apos;s phone, {phone}.</source>
        <translation>{department}办理中，{due} 前办结。客户问起时告知进度及部门电话 {phone}，其余无需处理。</translation>
    </message>
    <message>
        <source>Done. If the customer asks or comes back, tell them the result.</source>
        <translation>已办结。客户问起或再来时，告知办理结果。</translation>
    </message>
    <message>
        <source>Taken up again by the counter: the history says what was done.</source>
        <translation>已由窗口接手，处理情况见下方记录。</translation>
    </message>
    <message>
        <source>Overdue for as long again as its target; the shift manager is told. Call {department} on {phone} and ask when it will be done.</source>
        <translation>超时已逾一个办结时限，已上报值班经理。请致电{department}（{phone}）催办，询问何时办结。</translation>
    </message>
    <message>
        <source>A theft report came back. The counter never contacts the reporter: call {department} on {phone}, agree on the next step, then F2 with what was agreed.</source>
        <translation>举报件已退回。窗口不得联系举报人：请致电{department}（{phone}）商定下一步，再按 F2 写明商定结果。</translation>
    </message>
    <message>
        <source>A phone number is 5 to 20 digits.</source>
        <translation>电话号码应为 5 至 20 位数字。</translation>
    </message>
    <message>
        <source>That text is too long.</source>
        <translation>内容太长。</translation>
    </message>
    <message>
        <source>No printer is set up for this counter.</source>
        <translation>本窗口未设置打印机。</translation>
    </message>
    <message>
        <source>The printer did not answer; check whether the slip came out.</source>
        <translation>打印机无应答，请查看回执是否已打出。</translation>
    </message>
    <message>
        <source>The connection to the printer broke; part of the slip may have come out.</source>
        <translation>与打印机的连接中断，回执可能只打出一部分。</translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <source>Writing the day report…</source>
        <translation>正在生成营业日报……</translation>
    </message>
    <message>
        <source>Exporting to XLSX…</source>
        <translation>正在导出 XLSX……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported {receipts} receipts, {shifts} shifts: {path}</source>
        <translation>已导出收据 {receipts} 张、班次 {shifts} 个：{path}</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>New first password</source>
        <translation>新的初始密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>{name} (employee no. {number})</source>
        <translation>{name}（工号 {number}）</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Reset the password of {who}</source>
        <translation>重置{who}的密码</translation>
    </message>
    <message>
        <source>Type a first password and tell it to the person. They must change it at their next login, and approve nothing until they have; the login tells them who reset it and when. A lockout is lifted too.</source>
        <translation>输入一个初始密码并告诉本人。本人下次登录时必须修改，修改之前不能批准任何事项；登录时会告知是谁在何时重置的。账户如被锁定，也一并解除。</translation>
    </message>
    <message>
        <source>The password of {who} is reset: they must change it at their next login.</source>
        <translation>{who}的密码已重置：本人下次登录时必须修改。</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <source>{name} (employee no. {number})</source>
        <translation>{name}（工号 {number}）</translation>
    </message>
    <message>
        <source>Role and department</source>
        <translation>角色与部门</translation>
    </message>
    <message>
        <source>The role of {who}</source>
        <translation>{who}的角色</translation>
    </message>
    <message>
        <source>The role decides which pages and actions the person has from their next login. Only department staff belong to a department.</source>
        <translation>角色决定此人从下次登录起可以使用哪些页面和操作。只有承办部门人员属于某个部门。</translation>
    </message>
    <message>
        <source>The change is recorded in the audit journal, before and after.</source>
        <translation>修改前后的内容都记入审计日志。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>{who} is now {role}.</source>
        <translation>{who}现在的角色是{role}。</translation>
    </message>
</context>
<context>
    <name>ScriptEditorPage</name>
    <message>
        <source>Ctrl+S save a new version · Ctrl+H versions · Ctrl+N a purpose&apos;s own script · Delete withdraw a purpose&apos;s own script · Ctrl+E export · Ctrl+I import</source>
        <translation>Ctrl+S 保存新版本 · Ctrl+H 历史版本 · Ctrl+N 事由专用话术 · Delete 撤回事由专用话术 · Ctrl+E 导出 · Ctrl+I 导入</translation>
    </message>
    <message>
        <source>Placeholders: {names}; {{ and }} for a brace.</source>
        <translation>可用占位符：{names}；输入 {{ 和 }} 表示花括号本身。</translation>
    </message>
    <message>
        <source>Service scripts</source>
        <translation>服务话术</translation>
    </message>
    <message>
        <source>every purpose</source>
        <translation>所有事由</translation>
    </message>
    <message>
        <source>Nothing to save: this is the wording in force (version {version}).</source>
        <translation>无需保存：这就是当前使用的措辞（第 {version} 版）。</translation>
    </message>
    <message>
        <source>Saved as version {version}.</source>
        <translation>已保存为第 {version} 版。</translation>
    </message>
    <message>
        <source>Only a purpose&apos;s own script can be withdrawn.</source>
        <translation>只能撤回事由专用话术。</translation>
    </message>
    <message>
        <source>Withdrawn: the general script is used again.</source>
        <translation>已撤回：恢复使用通用话术。</translation>
    </message>
    <message>
        <source>Edit the words, then Ctrl+S to save this purpose&apos;s own script.</source>
        <translation>编辑措辞后按 Ctrl+S 保存为该事由的专用话术。</translation>
    </message>
    <message>
        <source>Export the scripts</source>
        <translation>导出话术</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Import scripts</source>
        <translation>导入话术</translation>
    </message>
    <message>
        <source>Imported: {changed} changed, {removed} withdrawn, {same} unchanged.</source>
        <translation>已导入：修改 {changed} 条，撤回 {removed} 条，未变 {same} 条。</translation>
    </message>
    <message>
        <source>The file could not be used: {error}</source>
        <translation>无法使用该文件：{error}</translation>
    </message>
</context>
<context>
    <name>ScriptModels</name>
    <message>
        <source>Moment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>出厂</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation>（已撤回）</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <source>Service scripts</source>
        <translation>服务话术</translation>
    </message>
    <message>
        <source>How the customer is addressed</source>
        <translation>对客户的称呼</translation>
    </message>
    <message>
        <source>The language the customer is spoken to in</source>
        <translation>对客户使用的语言</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C copy the selected script · Ctrl+Shift+N next script</source>
        <translation>Ctrl+Shift+C 复制所选话术 · Ctrl+Shift+N 下一条</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>暂无客户</translation>
    </message>
    <message>
        <source>The scripts follow the visit: call a ticket (F2) or take a walk-in (F6).</source>
        <translation>话术随接待进程显示：请叫号（F2）或登记散客（F6）。</translation>
    </message>
    <message>
        <source>Other scripts</source>
        <translation>其他话术</translation>
    </message>
    <message>
        <source>Copied: {name}</source>
        <translation>已复制：{name}</translation>
    </message>
</context>
<context>
    <name>Scripts</name>
    <message>
        <source>Calling the ticket</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>核实身份</translation>
    </message>
    <message>
        <source>Asking to wait</source>
        <translation>请客户稍候</translation>
    </message>
    <message>
        <source>Apology for the wait</source>
        <translation>久候致歉</translation>
    </message>
    <message>
        <source>Explaining the charge</source>
        <translation>收费说明</translation>
    </message>
    <message>
        <source>Explaining the referral</source>
        <translation>转办说明</translation>
    </message>
    <message>
        <source>Gas leak emergency</source>
        <translation>燃气泄漏应急</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉受理</translation>
    </message>
    <message>
        <source>Farewell</source>
        <translation>道别</translation>
    </message>
    <message>
        <source>Farewell with the receipt</source>
        <translation>道别（收好票据）</translation>
    </message>
    <message>
        <source>Farewell after a referral</source>
        <translation>道别（转办之后）</translation>
    </message>
    <message>
        <source>Satisfaction question</source>
        <translation>满意度询问</translation>
    </message>
    <message>
        <source>Neutral (尊敬的客户)</source>
        <translation>不确定（尊敬的客户）</translation>
    </message>
    <message>
        <source>Mr (先生)</source>
        <translation>先生</translation>
    </message>
    <message>
        <source>Ms (女士)</source>
        <translation>女士</translation>
    </message>
    <message>
        <source>“{phrase}” is a phrase to avoid at the counter. Say instead: {instead}</source>
        <translation>“{phrase}”是服务忌语，建议改说：{instead}</translation>
    </message>
    <message>
        <source>Not saved: {problems}</source>
        <translation>未保存：{problems}</translation>
    </message>
    <message>
        <source>at character {n}, {text} is not a placeholder that can be used</source>
        <translation>第 {n} 个字符处的 {text} 不是可用的占位符</translation>
    </message>
    <message>
        <source>at character {n}, {text} is a stray brace (type a brace twice to show one)</source>
        <translation>第 {n} 个字符处的 {text} 是单个大括号（要显示大括号请连写两个）</translation>
    </message>
    <message>
        <source>the script is empty</source>
        <translation>话术不能为空</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Cannot be saved: {problems}</source>
        <translation>无法保存：{problems}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <source>The database has no users yet.

Load the demo data set (演示数据)? It contains one demo user per role and {count} synthetic gas accounts, all clearly marked as demo. Never use it for real customers.</source>
        <translation>数据库中还没有任何用户。

是否载入演示数据？演示数据包含每个岗位各一名演示用户和 {count} 个虚拟燃气用户，全部标注为“演示”，切勿用于真实客户。</translation>
    </message>
    <message>
        <source>No users yet: an administrator must create them.</source>
        <translation>还没有任何用户，请由系统管理员创建。</translation>
    </message>
    <message>
        <source>Building the demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Demo data loaded. Demo clerk: 1001, password demo1001.</source>
        <translation>演示数据已载入。演示营业员：工号 1001，密码 demo1001。</translation>
    </message>
</context>
<context>
    <name>Shift</name>
    <message>
        <source>open</source>
        <translation>营业中</translation>
    </message>
    <message>
        <source>closed, waiting for the manager</source>
        <translation>已交班，待值班长审核</translation>
    </message>
    <message>
        <source>returned for a recount</source>
        <translation>已退回复点</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>No shift of yours is open at this counter: open it on the Shift page first.</source>
        <translation>您在本窗口没有营业中的班次：请先在“班次”页开班。</translation>
    </message>
    <message>
        <source>The shift open at this counter belongs to {detail}: it must be closed first.</source>
        <translation>本窗口营业中的班次属于 {detail}：须先交班。</translation>
    </message>
    <message>
        <source>A shift is already open here.</source>
        <translation>本窗口已有营业中的班次。</translation>
    </message>
    <message>
        <source>Each count must be a whole number of pieces from 0 to 100,000.</source>
        <translation>每种面额须为 0 到 100,000 之间的整数张（枚）。</translation>
    </message>
    <message>
        <source>Each amount must be above zero (declared totals: zero or more), exact to the fen.</source>
        <translation>金额须大于零（申报合计可为零），精确到分。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Nobody approves or returns their own shift: ask another shift manager.</source>
        <translation>不能审核或退回自己的班次：请另一位值班长处理。</translation>
    </message>
    <message>
        <source>Only a shift closed by its clerk can be approved or returned.</source>
        <translation>只有收费员已交班的班次才能审核或退回。</translation>
    </message>
    <message>
        <source>A difference beyond the limit needs a shift manager&apos;s approval.</source>
        <translation>差额超过限额，需值班长审批。</translation>
    </message>
    <message>
        <source>A day can be closed once it has begun.</source>
        <translation>营业日开始后才能日结。</translation>
    </message>
    <message>
        <source>The business day {detail} is closed already. Shifts opened after a close, and their payments, count for the next business day.</source>
        <translation>营业日 {detail} 已日结。日结之后开的班次及其收款计入下一营业日。</translation>
    </message>
    <message>
        <source>Open; {n} shift still to approve</source>
        <translation>未日结；尚有 {n} 个班次待审核</translation>
    </message>
    <message>
        <source>Open; {n} shifts still to approve</source>
        <translation>未日结；尚有 {n} 个班次待审核</translation>
    </message>
    <message>
        <source>{n} receipt</source>
        <translation>收据 {n} 张</translation>
    </message>
    <message>
        <source>{n} receipts</source>
        <translation>收据 {n} 张</translation>
    </message>
    <message>
        <source>{n} void</source>
        <translation>作废 {n} 张</translation>
    </message>
    <message>
        <source>{n} voids</source>
        <translation>作废 {n} 张</translation>
    </message>
    <message>
        <source>{n} reprint</source>
        <translation>重打 {n} 次</translation>
    </message>
    <message>
        <source>{n} reprints</source>
        <translation>重打 {n} 次</translation>
    </message>
    <message>
        <source>{counter} {clerk} (no. {number}), shift {id}: {status}</source>
        <translation>{counter} {clerk}（工号 {number}）班次 {id}：{status}</translation>
    </message>
    <message>
        <source>The day {detail} has shifts and is not closed yet: close it first.</source>
        <translation>营业日 {detail} 有班次尚未日结：请先日结该日。</translation>
    </message>
    <message>
        <source>The day closes when every shift is approved; still waiting: {detail}.</source>
        <translation>所有班次审核通过后才能日结；尚待处理：{detail}。</translation>
    </message>
    <message>
        <source>That shift was not found.</source>
        <translation>未找到该班次。</translation>
    </message>
    <message>
        <source>The drawer should hold only {detail}: more cannot be taken out.</source>
        <translation>钱箱应有现金仅 {detail}：不能取出更多。</translation>
    </message>
</context>
<context>
    <name>ShiftModels</name>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Should hold</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>Counted / declared</source>
        <translation>实点 / 申报</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <source>Your shift {id} is {status}. Count a float and press Ctrl+Enter to open a new shift.</source>
        <translation>您的班次 {id}：{status}。如需开新班，请清点备用金后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <source>No shift is open at this counter. Count the float and press Ctrl+Enter to open yours.</source>
        <translation>本窗口没有营业中的班次。请清点备用金，按 Ctrl+Enter 开班。</translation>
    </message>
    <message>
        <source>Shift {id} of {clerk} · opened {time} with a float of {float} · {status}</source>
        <translation>班次 {id} · {clerk} · {time} 开班 · 备用金 {float} · {status}</translation>
    </message>
    <message>
        <source>Today&apos;s business day is closed: this shift counts for {day}.</source>
        <translation>今日营业日已日结：本班次计入 {day} 营业日。</translation>
    </message>
    <message>
        <source>Returned for a recount: {reason} Count again and close (F10).</source>
        <translation>已退回复点，原因：{reason} 请重新清点后交班（F10）。</translation>
    </message>
    <message>
        <source>The drawer should hold {amount}</source>
        <translation>钱箱应有现金 {amount}</translation>
    </message>
    <message>
        <source>Cash moves: {moves}</source>
        <translation>现金存取：{moves}</translation>
    </message>
    <message>
        <source>Your shift is open: payments can be taken.</source>
        <translation>已开班，可以收费。</translation>
    </message>
    <message>
        <source>Type the amount first, e.g. 200.00, then the reason.</source>
        <translation>请先填写金额（如 200.00），再填写原因。</translation>
    </message>
    <message>
        <source>The cash move is recorded.</source>
        <translation>现金存取已记录。</translation>
    </message>
    <message>
        <source>The shift is closed and waits for the shift manager. The shift report (Z) is printing.</source>
        <translation>已交班，等待值班长审核。班次结账单（Z）正在打印。</translation>
    </message>
    <message>
        <source>The report is on screen; the printer said: {problem} The shift manager&apos;s overview saves any shift&apos;s report as a PDF (Ctrl+R).</source>
        <translation>报表已显示在屏幕上；打印机提示：{problem} 值班长可在“当日总览”页按 Ctrl+R 将任一班次报表保存为 PDF。</translation>
    </message>
    <message>
        <source>Count the float by denomination:</source>
        <translation>请按面额清点备用金：</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>reason for the cash move</source>
        <translation>现金存取原因</translation>
    </message>
    <message>
        <source>Ctrl+Enter open shift · F7 cash in · F8 cash out · F9 X reading · F10 close shift</source>
        <translation>Ctrl+Enter 开班 · F7 存入现金 · F8 取出现金 · F9 班次读数（X）· F10 交班</translation>
    </message>
</context>
<context>
    <name>SlipKeeper</name>
    <message>
        <source>This visit has no referral whose slip could be printed.</source>
        <translation>本次接待尚无转办，没有可打印的回执。</translation>
    </message>
    <message>
        <source>Still busy with the last step; press Ctrl+F5 once more.</source>
        <translation>上一步仍在处理中，请稍后再按 Ctrl+F5。</translation>
    </message>
    <message>
        <source>The slip of {reference} is saved as {path}.</source>
        <translation>{reference} 的回执已保存为 {path}。</translation>
    </message>
    <message>
        <source>The slip of {reference} is printed.</source>
        <translation>{reference} 的回执已打印。</translation>
    </message>
    <message>
        <source>Printing the slip of {reference} failed: {problem} Ctrl+F5 prints it again.</source>
        <translation>{reference} 的回执打印失败：{problem} 处理后按 Ctrl+F5 重新打印。</translation>
    </message>
</context>
<context>
    <name>Tariff</name>
    <message>
        <source>Gas by volume</source>
        <translation>燃气（按量）</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料费</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Back-charge</source>
        <translation>补缴</translation>
    </message>
    <message>
        <source>Abolished fee</source>
        <translation>已取消收费</translation>
    </message>
    <message>
        <source>Residential</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商业</translation>
    </message>
    <message>
        <source>Industrial</source>
        <translation>工业</translation>
    </message>
    <message>
        <source>Public institution</source>
        <translation>机关事业单位</translation>
    </message>
    <message>
        <source>This item is not in the tariff in force today; it cannot be charged.</source>
        <translation>此项目不在今天执行的收费标准中，不能收费。</translation>
    </message>
    <message>
        <source>This item does not apply to this account&apos;s customer type.</source>
        <translation>此项目不适用于该户的用户类别。</translation>
    </message>
    <message>
        <source>Please enter a quantity above zero: whole numbers for pieces and services, up to three decimals for m³ and metres.</source>
        <translation>请输入大于零的数量：按个、次、户计的填整数，按 m³ 或米计的最多三位小数。</translation>
    </message>
    <message>
        <source>No gas account has this number.</source>
        <translation>没有这个燃气户号。</translation>
    </message>
    <message>
        <source>The tariff in force has changed; please calculate the fee again.</source>
        <translation>现行收费标准已变更，请重新计算费用。</translation>
    </message>
    <message>
        <source>Tiered gas needs the customer&apos;s account before it can be charged.</source>
        <translation>阶梯气价须填写客户户号后才能收费。</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>Abolished</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{name} was abolished by {document} and must not be charged.</source>
        <translation>{name}已按{document}取消，不得收取。</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <source>Called again.</source>
        <translation>已重新呼叫。</translation>
    </message>
    <message>
        <source>Marked as not present; it can be called again for 15 minutes.</source>
        <translation>已过号；15 分钟内可重新呼叫。</translation>
    </message>
    <message>
        <source>There is no visit to end.</source>
        <translation>当前没有正在接待的客户。</translation>
    </message>
    <message>
        <source>The visit is closed.</source>
        <translation>接待已结束。</translation>
    </message>
    <message>
        <source>The visit is closed; the customer rates it on the customer screen.</source>
        <translation>本次接待已结束，请客户在客户屏上评价。</translation>
    </message>
    <message>
        <source>Only a called ticket can be transferred.</source>
        <translation>只有已叫号的号码才能转移。</translation>
    </message>
    <message>
        <source>{ticket} transferred.</source>
        <translation>{ticket} 已转移。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Same service</source>
        <translation>业务不变</translation>
    </message>
    <message>
        <source>e.g. C02 (empty: any counter)</source>
        <translation>如 C02（留空：任一窗口）</translation>
    </message>
    <message>
        <source>Required: what the next counter should know</source>
        <translation>必填：需要下一个窗口知道的情况</translation>
    </message>
    <message>
        <source>Transfer (Enter)</source>
        <translation>转移（Enter）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Transfer the ticket</source>
        <translation>转移号码</translation>
    </message>
    <message>
        <source>Please say why, for the next counter.</source>
        <translation>请填写转移原因，方便下一个窗口办理。</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>Type the first password.</source>
        <translation>请输入初始密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Counter clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Shift manager</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Department staff</source>
        <translation>承办部门人员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>稽查员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>paper OK</source>
        <translation>纸张正常</translation>
    </message>
    <message>
        <source>paper nearly out</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>the printer&apos;s answer was unreadable</source>
        <translation>打印机的回报无法识别</translation>
    </message>
    <message>
        <source>this printer does not report its paper</source>
        <translation>此打印机不回报纸张状态</translation>
    </message>
    <message>
        <source>An employee number has 3 to 16 letters or digits.</source>
        <translation>工号由 3 至 16 个字母或数字组成。</translation>
    </message>
    <message>
        <source>Employee number {detail} is already taken: users are never deleted.</source>
        <translation>工号 {detail} 已被使用：用户从不删除。</translation>
    </message>
    <message>
        <source>Type the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>Department staff need their department: choose it.</source>
        <translation>承办部门人员需要所属部门：请选择。</translation>
    </message>
    <message>
        <source>Only department staff belong to a department.</source>
        <translation>只有承办部门人员属于某个部门。</translation>
    </message>
    <message>
        <source>There is no user with employee number {detail}.</source>
        <translation>没有工号为 {detail} 的用户。</translation>
    </message>
    <message>
        <source>You cannot deactivate or reactivate your own account.</source>
        <translation>不能停用或重新启用自己的账户。</translation>
    </message>
    <message>
        <source>You cannot change your own role: another administrator does it.</source>
        <translation>不能修改自己的角色：请由另一位系统管理员修改。</translation>
    </message>
    <message>
        <source>This is the last active administrator: add or reactivate another administrator first.</source>
        <translation>这是最后一位在用的系统管理员：请先新增或重新启用另一位系统管理员。</translation>
    </message>
    <message>
        <source>The first password needs at least {count} characters.</source>
        <translation>初始密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The first password cannot be one character repeated.</source>
        <translation>初始密码不能由同一个字符重复组成。</translation>
    </message>
    <message>
        <source>The first password cannot contain the employee number.</source>
        <translation>初始密码不能包含工号。</translation>
    </message>
    <message>
        <source>The first password must differ from the old one.</source>
        <translation>初始密码必须与原密码不同。</translation>
    </message>
    <message>
        <source>This password is one of the most used ones and is guessed first: choose another.</source>
        <translation>这个密码是最常用的密码之一，最先被猜中：请换一个。</translation>
    </message>
    <message>
        <source>At least {count} characters, not one character repeated, without the employee number, not one of the most used passwords.</source>
        <translation>至少 {count} 个字符，不能由同一字符重复组成，不能包含工号，也不能是最常用的密码。</translation>
    </message>
    <message>
        <source>That name is too long.</source>
        <translation>姓名太长。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Ctrl+N add a user · Ctrl+E role and department · Ctrl+R reset the password · Ctrl+U unlock · Ctrl+D deactivate or reactivate · F5 read again. Users are never deleted: a deactivated person cannot log in, and the journal keeps naming them.</source>
        <translation>Ctrl+N 新增用户 · Ctrl+E 角色与部门 · Ctrl+R 重置密码 · Ctrl+U 解除锁定 · Ctrl+D 停用或重新启用 · F5 重新读取。用户从不删除：停用后不能再登录，审计日志中仍保留其工号。</translation>
    </message>
    <message>
        <source>Choose a person in the list first (↑ ↓).</source>
        <translation>请先在列表中选择一个人（↑ ↓）。</translation>
    </message>
    <message>
        <source>{name} (employee no. {number})</source>
        <translation>{name}（工号 {number}）</translation>
    </message>
    <message>
        <source>{who} is not locked out.</source>
        <translation>{who}没有被锁定。</translation>
    </message>
    <message>
        <source>{who} may log in again.</source>
        <translation>{who}可以重新登录了。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Deactivate {who}? They can no longer log in. Nothing is deleted: the journal keeps naming them, and they can be reactivated.</source>
        <translation>停用{who}？停用后此人不能再登录。不会删除任何记录：审计日志中仍保留其工号，以后也可以重新启用。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>重新启用(&amp;R)</translation>
    </message>
    <message>
        <source>Reactivate {who}? They can log in again.</source>
        <translation>重新启用{who}？此人将可以再次登录。</translation>
    </message>
    <message>
        <source>&amp;Keep as it is</source>
        <translation>保持不变(&amp;K)</translation>
    </message>
    <message>
        <source>{who} is reactivated.</source>
        <translation>{who}已重新启用。</translation>
    </message>
    <message>
        <source>{who} is deactivated.</source>
        <translation>{who}已停用。</translation>
    </message>
</context>
<context>
    <name>VisitBar</name>
    <message>
        <source>No customer is being served (Ctrl+1, F2 calls the next)</source>
        <translation>当前没有接待中的客户（Ctrl+1，F2 叫下一位）</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Serving {ticket} · no account taken yet (Ctrl+1 to find it)</source>
        <translation>正在接待 {ticket} · 尚未选定户号（Ctrl+1 查找）</translation>
    </message>
    <message>
        <source>Serving {ticket} · account {account} · {holder}</source>
        <translation>正在接待 {ticket} · 户号 {account} · {holder}</translation>
    </message>
    <message>
        <source> · unpaid bills: {count}, {amount} (F10 pays them)</source>
        <translation> · 未缴账单 {count} 笔，{amount}（F10 缴纳）</translation>
    </message>
</context>
<context>
    <name>VisitGuard</name>
    <message>
        <source>walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>the visit of ticket {ticket} is open, with a note typed</source>
        <translation>{ticket} 的接待尚未结束，并已填写备注</translation>
    </message>
    <message>
        <source>the visit of ticket {ticket} is open</source>
        <translation>{ticket} 的接待尚未结束</translation>
    </message>
    <message>
        <source>the cart holds one line, {amount}, not charged</source>
        <translation>收费清单中有 1 项 {amount}，尚未收费</translation>
    </message>
    <message>
        <source>the cart holds {count} lines, {amount}, not charged</source>
        <translation>收费清单中有 {count} 项共 {amount}，尚未收费</translation>
    </message>
    <message>
        <source>a payment could not be confirmed: press F12 on the payments page again first (it is never charged twice)</source>
        <translation>有一笔收费未能确认结果：请先在收费页面再按一次 F12（不会重复收费）</translation>
    </message>
    <message>
        <source>a note typed on the referrals page is not saved</source>
        <translation>转办页面上填写的备注尚未保存</translation>
    </message>
    <message>
        <source>Go back and finish it, or log out anyway?</source>
        <translation>返回完成这些工作，还是仍然退出登录？</translation>
    </message>
    <message>
        <source>Go back and finish it, or quit anyway?</source>
        <translation>返回完成这些工作，还是仍然退出程序？</translation>
    </message>
    <message>
        <source>Keep it for {name} to finish after unlocking, or switch user anyway?</source>
        <translation>保留这些工作，待{name}解锁后完成，还是仍然切换用户？</translation>
    </message>
    <message>
        <source>The work of {name} is not finished:

{lines}

{question}</source>
        <translation>{name}的工作尚未完成：

{lines}

{question}</translation>
    </message>
    <message>
        <source>Going on ends the open visit as interrupted; the rest is not kept.</source>
        <translation>继续将把未结束的接待按中断结束，其余内容不会保留。</translation>
    </message>
    <message>
        <source>Going on does not keep it.</source>
        <translation>继续将不保留这些内容。</translation>
    </message>
    <message>
        <source>Unfinished work</source>
        <translation>工作尚未完成</translation>
    </message>
    <message>
        <source>&amp;Keep the work</source>
        <translation>保留工作(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Log out anyway</source>
        <translation>仍然退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>仍然退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Switch user anyway</source>
        <translation>仍然切换用户(&amp;S)</translation>
    </message>
    <message>
        <source>A visit is open</source>
        <translation>有接待未结束</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>返回(&amp;G)</translation>
    </message>
    <message>
        <source>Interrupted: the session ended before the visit was closed.</source>
        <translation>中断：接待未结束时会话已结束（退出登录、关闭程序或切换用户）。</translation>
    </message>
    <message>
        <source>The visit was ended as interrupted.</source>
        <translation>该接待已按中断结束。</translation>
    </message>
</context>
<context>
    <name>VisitSide</name>
    <message>
        <source>The visit&apos;s account is now {account}: the other&apos;s fees are gone.</source>
        <translation>本次接待的户号已改为 {account}：原户号的待收费已清空。</translation>
    </message>
    <message>
        <source>This visit is for account {account}. To charge account {other}, take it for the visit first (Ctrl+1, search, Enter): the change is recorded.</source>
        <translation>本次接待的户号是 {account}。如需为户号 {other} 收费，请先在受理页（Ctrl+1）查找该户号并按回车，改为本次接待的户号（更换会留下记录）。</translation>
    </message>
    <message>
        <source>Take the customer&apos;s account first (Ctrl+1, search, Enter): gas is quoted on it.</source>
        <translation>请先选定客户户号（Ctrl+1，搜索后按回车）：按该户号计算气费。</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <source>Qt TextToSpeech cannot be loaded</source>
        <translation>无法加载 Qt 语音模块</translation>
    </message>
    <message>
        <source>no speech engine on this computer</source>
        <translation>本机没有语音引擎</translation>
    </message>
    <message>
        <source>{0} has no Chinese voice</source>
        <translation>{0} 没有中文语音</translation>
    </message>
    <message>
        <source>the speech service does not answer</source>
        <translation>语音服务无响应</translation>
    </message>
</context>
<context>
    <name>VoidFlow</name>
    <message>
        <source>A void needs the receipt number and a reason.</source>
        <translation>作废须填写票据号和原因。</translation>
    </message>
    <message>
        <source>Receipt {number} is void; the void slip is {slip}.</source>
        <translation>票据 {number} 已作废；作废凭证号 {slip}。</translation>
    </message>
</context>
<context>
    <name>WaitingReferrals</name>
    <message>
        <source>Referrals to deal with: {count}</source>
        <translation>转办待处理 {count}</translation>
    </message>
</context>
</TS>
