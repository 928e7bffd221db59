#!/usr/bin/env bash
# The five-minute tour of README.md as one script: run `make run` in another terminal, then
# `bash docs/tour.sh` (needs curl and jq). It walks one case through the whole service flow.
cd "$(mktemp -d)"
set -e
B=${B:-http://127.0.0.1:3000}
# Every POST, PUT and DELETE echoes its cookie jar's anti-forgery token (docs/security.md "CSRF")
token() { curl -s -c $1 -b $1 $B/api/csrf | jq -r .token; }
ZT=$(token zs.txt); ST=$(token st.txt); PT=$(token pv.txt)
# 1. The city's published lists and one guide (public)
curl -s $B/api/platforms/mianyang | jq -r '.lists[] | "\(.title): \(.rows | length) 项"'
curl -s $B/api/platforms/mianyang/items/patent-pledge-registration | jq -r '.title, .form.id'
# 2. An applicant signs in and applies, with the agent's ID missing
curl -s -c zs.txt -b zs.txt -H "X-CSRF-Token: $ZT" -H 'content-type: application/json' -d '{"username":"zhangsan","password":"Demo@2026"}' $B/api/session | jq -r .displayName
printf '%%PDF-1.4\n%%demo\n' > demo.pdf
curl -s -b zs.txt -H "X-CSRF-Token: $ZT" -F item=patent-pledge-registration \
  -F 'data={"pledgorType":"organization","pledgorName":"绵阳示例科技有限公司","pledgorCertificateNo":"91350100M000100Y43","pledgeeName":"示例银行绵阳分行","pledgeeUscc":"91350100M000100Y43","patentNumbers":["202310123456.7"],"debtAmount":500,"debtStartDate":"2026-01-01","debtEndDate":"2027-01-01","contractSignDate":"2025-12-20","hasValuationReport":false,"isAgent":true,"agentName":"王五","agentIdNumber":"11010519491231002X","agentPhone":"13700137000","contactName":"张三","contactPhone":"13800138000"}' \
  -F 'materials[applicationForm]=@demo.pdf' -F 'materials[pledgeContract]=@demo.pdf' \
  -F 'materials[partyIdentity]=@demo.pdf' -F 'materials[powerOfAttorney]=@demo.pdf' \
  $B/api/cases > case.json
CASE=$(jq -r .id case.json); jq -r '.number, .stepTitle, (.materials[] | select(.status=="missing") | .name)' case.json
# 3. The one-time notice lists what is missing
curl -s -b zs.txt $B/api/cases/$CASE/notices | jq -r '.notices[] | select(.templateId=="one-time-notice") | .body' | grep -o '被委托人身份证明'
# 4. Supplement the missing material
curl -s -b zs.txt -H "X-CSRF-Token: $ZT" -F version=$(jq .version case.json) -F 'materials[agentIdentity]=@demo.pdf' $B/api/cases/$CASE/actions/resubmit | jq -r .stepTitle
# 5. Staff accepts, records progress and completes
curl -s -c st.txt -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d '{"username":"staff1","password":"Demo@2026"}' $B/api/session > /dev/null
V=$(curl -s -b st.txt $B/api/cases/$CASE | jq .version)
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d "{\"version\":$V}" $B/api/cases/$CASE/actions/accept | jq -r '.stepTitle, .dueAt'
V=$((V+1)); curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d "{\"version\":$V,\"payload\":{\"note\":\"已核查专利法律状态\"}}" $B/api/cases/$CASE/actions/progress | jq -r .stepTitle
V=$((V+1)); curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d "{\"version\":$V,\"payload\":{\"result\":\"准予登记，已发出《专利权质押登记通知书》\"}}" $B/api/cases/$CASE/actions/complete | jq -r .stepTitle
# 6. The applicant rates the service; a bad review opens a rectification task
V=$(curl -s -b zs.txt $B/api/cases/$CASE | jq .version)
curl -s -b zs.txt -H "X-CSRF-Token: $ZT" -H 'content-type: application/json' -d "{\"version\":$V,\"payload\":{\"level\":2,\"comment\":\"等待时间较长\"}}" $B/api/cases/$CASE/actions/evaluate | jq -r .status
curl -s -b st.txt $B/api/tasks | jq -r '.tasks[] | "\(.title) 截止 \(.dueAt)"'
curl -s -b st.txt $B/api/cases/$CASE/events | jq -r '.events[] | "\(.seq) \(.type) \(.data.action // "")"' | head -30
# 7. A stale version is refused with 409 and the current version
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d '{"version":1}' $B/api/cases/$CASE/actions/close | jq -r '.status, .code'
# 8. Staff reply to the review, call the applicant back (回访) and close the rectification
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d "{\"text\":\"感谢反馈，已优化办理进度通知。\",\"version\":$((V+1))}" $B/api/cases/$CASE/evaluation-reply | jq -c .evaluation
TASK=$(curl -s -b st.txt "$B/api/tasks?caseId=$CASE" | jq -r '.tasks[0].id')
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d '{"note":"已电话回访，申请人认可整改","outcome":"satisfied"}' $B/api/tasks/$TASK/visits | jq -r '.visits | length'
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d '{"result":"已调整进度通知为每个节点短信提醒"}' $B/api/tasks/$TASK/close | jq -r '.status, .isOverdue'
# 9. Ask online; staff answer and put the answer in the public FAQ handbook (咨询问答手册)
Q=$(curl -s -b zs.txt -H "X-CSRF-Token: $ZT" -H 'content-type: application/json' -d '{"itemId":"patent-pledge-registration","question":"质押登记需要双方到场吗？"}' $B/api/consultations | jq -r .id)
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d '{"answer":"不需要，网上提交即可。"}' $B/api/consultations/$Q/answer | jq -r .status
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d '{"question":"办理质押登记须双方当事人到场吗？"}' $B/api/consultations/$Q/faq > /dev/null
curl -s $B/api/platforms/mianyang/faq | jq -r '.entries[] | "问：\(.question) 答：\(.answer)"'
# 10. Anyone looks up progress with the case number and its verification code: no personal data
curl -s "$B/api/progress?number=$(jq -r .number case.json)&code=$(jq -r .verificationCode case.json)" | jq -c '{itemTitle, stepTitle, nodes: [.nodes[].title]}'
# 11. Apply by reference: upload a material once (type and size checked), keep it in a draft
F=$(curl -s -b zs.txt -H "X-CSRF-Token: $ZT" -F itemId=patent-pledge-registration -F materialKey=applicationForm -F file=@demo.pdf $B/api/uploads | jq -r .fileId)
curl -s -b zs.txt -H "X-CSRF-Token: $ZT" -X PUT -H 'content-type: application/json' -d "{\"data\":{\"pledgorType\":\"organization\"},\"fileRefs\":{\"applicationForm\":[\"$F\"]}}" $B/api/application-drafts/patent-pledge-registration | jq -c '.files[] | {materialKey, name}'
# 12. The desk's inbox: counts per view, the cases to accept by due date, a search by applicant
curl -s -b st.txt $B/api/cases/counts | jq -c .
curl -s -b st.txt "$B/api/cases?view=toAccept&order=due" | jq -r '.cases[] | "\(.number) \(.itemTitle) \(.applicantName) \(.dueState)"'
curl -s -b st.txt "$B/api/cases?view=all&q=%E5%BC%A0%E4%B8%89" | jq -r '.cases | length'
# 13. Counter mode (窗口受理) for someone at the window, then reassign it (转办)
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d '{"item":"ip-policy-consulting","applicant":{"name":"王五","phone":"13700137000"},"data":{"applicantType":"individual","applicantName":"王五","certificateNo":"11010519491231002X","subject":"政策咨询","description":"咨询知识产权资助政策的申报条件","isAgent":false,"contactName":"王五","contactPhone":"13700137000"}}' $B/api/cases > counter.json
jq -r '.channel, .applicantName, .stepTitle' counter.json
curl -s -b st.txt $B/api/staff | jq -r '.staff[] | "\(.id) \(.displayName)"'
curl -s -b st.txt -H "X-CSRF-Token: $ST" -H 'content-type: application/json' -d "{\"userId\":\"demo-staff2\",\"version\":$(jq .version counter.json)}" $B/api/cases/$(jq -r .id counter.json)/assignee | jq -r .assigneeName

# 14. The province's view of its network: counts per platform (no case crosses a platform), template adoption
curl -s -c pv.txt -b pv.txt -H "X-CSRF-Token: $PT" -H 'content-type: application/json' -d '{"username":"province","password":"Demo@2026"}' $B/api/session > /dev/null
curl -s -b pv.txt $B/api/network/overview | jq -c '.platforms[] | {id, status, cases}'
curl -s -b pv.txt $B/api/network/overview | jq -r '.templates[] | select(.adopters | length > 0) | "\(.id) v\(.latestVersion): \([.adopters[] | "\(.platform)@\(.extends.version // "?")"] | join(", "))"'
