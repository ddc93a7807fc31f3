-- wrk: POST one application draft per request (bench/http.sh sets TOKEN and POINT in the environment).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"communityPointID":"' .. os.getenv("POINT") .. '","form":{"applicant":{"name":"压测申请人","phone":"13700001234",' ..
  '"address":"示范区幸福街道测试小区1号"},"matter":{"type":"labourWages","cause":"追索劳动报酬纠纷","opposingParty":"测试建筑公司",' ..
  '"facts":"工资至今未付。","helpWanted":"请求支付拖欠工资"},"household":{"members":3,"monthlyIncomeYuan":2400},"integrityPledge":true}}'
